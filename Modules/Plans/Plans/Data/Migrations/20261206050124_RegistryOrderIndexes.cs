using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Plans.Data.Migrations
{
    /// <inheritdoc />
    public partial class RegistryOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Plans_TownshipId",
                table: "Plans");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_OwnerLevel_TownshipId_Type",
                table: "Plans",
                columns: new[] { "OwnerLevel", "TownshipId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_TownshipId_OwnerLevel_Type",
                table: "Plans",
                columns: new[] { "TownshipId", "OwnerLevel", "Type" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Plans_OwnerLevel_TownshipId_Type",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Plans_TownshipId_OwnerLevel_Type",
                table: "Plans");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_TownshipId",
                table: "Plans",
                column: "TownshipId");
        }
    }
}
