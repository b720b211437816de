using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Readiness.Data.Migrations
{
    /// <inheritdoc />
    public partial class GridTableAndStockPresence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HazardFacts_TownshipId",
                table: "HazardFacts");

            migrationBuilder.AddColumn<bool>(
                name: "Present",
                table: "StockFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Rows known before presence was carried came from low-stock episodes of stock the unit keeps: in stock.
            migrationBuilder.Sql("UPDATE StockFacts SET Present = 1");

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "PlanFacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "GridMemberFacts",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GridMemberFacts", x => x.MemberId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HazardFacts_TownshipId_Closed_Overdue",
                table: "HazardFacts",
                columns: new[] { "TownshipId", "Closed", "Overdue" });

            migrationBuilder.CreateIndex(
                name: "IX_GridMemberFacts_TownshipId",
                table: "GridMemberFacts",
                column: "TownshipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GridMemberFacts");

            migrationBuilder.DropIndex(
                name: "IX_HazardFacts_TownshipId_Closed_Overdue",
                table: "HazardFacts");

            migrationBuilder.DropColumn(
                name: "Present",
                table: "StockFacts");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "PlanFacts");

            migrationBuilder.CreateIndex(
                name: "IX_HazardFacts_TownshipId",
                table: "HazardFacts",
                column: "TownshipId");
        }
    }
}
