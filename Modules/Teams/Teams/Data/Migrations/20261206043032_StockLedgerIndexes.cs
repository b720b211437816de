using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Teams.Data.Migrations
{
    /// <inheritdoc />
    public partial class StockLedgerIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stock_KindId",
                table: "Stock");

            migrationBuilder.DropIndex(
                name: "IX_Stock_TownshipId",
                table: "Stock");

            migrationBuilder.CreateIndex(
                name: "IX_Stock_KindId_SiteId",
                table: "Stock",
                columns: new[] { "KindId", "SiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_Stock_TownshipId_SiteId_KindId",
                table: "Stock",
                columns: new[] { "TownshipId", "SiteId", "KindId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stock_KindId_SiteId",
                table: "Stock");

            migrationBuilder.DropIndex(
                name: "IX_Stock_TownshipId_SiteId_KindId",
                table: "Stock");

            migrationBuilder.CreateIndex(
                name: "IX_Stock_KindId",
                table: "Stock",
                column: "KindId");

            migrationBuilder.CreateIndex(
                name: "IX_Stock_TownshipId",
                table: "Stock",
                column: "TownshipId");
        }
    }
}
