using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Experts.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArchiveOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Experts_Status_Name",
                table: "Experts");

            migrationBuilder.CreateIndex(
                name: "IX_Experts_Status_Name_Employer",
                table: "Experts",
                columns: new[] { "Status", "Name", "Employer" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Experts_Status_Name_Employer",
                table: "Experts");

            migrationBuilder.CreateIndex(
                name: "IX_Experts_Status_Name",
                table: "Experts",
                columns: new[] { "Status", "Name" });
        }
    }
}
