using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Grid.Data.Migrations
{
    /// <inheritdoc />
    public partial class TodoIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Hazards_DepartmentId_State_AwaitingReportIn_DeadlineUtc",
                table: "Hazards",
                columns: new[] { "DepartmentId", "State", "AwaitingReportIn", "DeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Extensions_Status_HazardId",
                table: "Extensions",
                columns: new[] { "Status", "HazardId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Hazards_DepartmentId_State_AwaitingReportIn_DeadlineUtc",
                table: "Hazards");

            migrationBuilder.DropIndex(
                name: "IX_Extensions_Status_HazardId",
                table: "Extensions");
        }
    }
}
