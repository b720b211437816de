using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Teams.Data.Migrations
{
    /// <inheritdoc />
    public partial class Stock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StorageSites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    KeeperName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    KeeperMobile = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    KeeperUserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StorageSites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupplyKinds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplyKinds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Stock",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    KindId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Minimum = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BelowSinceOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stock", x => x.Id);
                    table.CheckConstraint("CK_Stock_Quantity", "Quantity >= 0");
                    table.ForeignKey(
                        name: "FK_Stock_StorageSites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "StorageSites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Stock_SupplyKinds_KindId",
                        column: x => x.KindId,
                        principalTable: "SupplyKinds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StockMovements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StockId = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    KindId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Balance = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherSiteId = table.Column<int>(type: "INTEGER", nullable: true),
                    TransferId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Party = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockMovements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StockMovements_Stock_StockId",
                        column: x => x.StockId,
                        principalTable: "Stock",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Stock_ExpiresOn",
                table: "Stock",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_Stock_KindId",
                table: "Stock",
                column: "KindId");

            migrationBuilder.CreateIndex(
                name: "IX_Stock_SiteId_KindId",
                table: "Stock",
                columns: new[] { "SiteId", "KindId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Stock_TownshipId",
                table: "Stock",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_Stock_VillageId",
                table: "Stock",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_KindId_Id",
                table: "StockMovements",
                columns: new[] { "KindId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_SiteId_Id",
                table: "StockMovements",
                columns: new[] { "SiteId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_StockId_Id",
                table: "StockMovements",
                columns: new[] { "StockId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StorageSites_DepartmentId",
                table: "StorageSites",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_StorageSites_TownshipId",
                table: "StorageSites",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_StorageSites_VillageId",
                table: "StorageSites",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplyKinds_Category_Name",
                table: "SupplyKinds",
                columns: new[] { "Category", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StockMovements");

            migrationBuilder.DropTable(
                name: "Stock");

            migrationBuilder.DropTable(
                name: "StorageSites");

            migrationBuilder.DropTable(
                name: "SupplyKinds");
        }
    }
}
