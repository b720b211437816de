using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Teams.Data.Migrations
{
    /// <inheritdoc />
    public partial class Support : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContactMobile = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    TownshipProvides = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    EnterpriseProvides = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.CheckConstraint("CK_Agreements_Validity", "ValidTo >= ValidFrom");
                });

            migrationBuilder.CreateTable(
                name: "SupportRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Need = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplyKindId = table.Column<int>(type: "INTEGER", nullable: true),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamNeed = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReceivingSiteId = table.Column<int>(type: "INTEGER", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NeededByUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplierTeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    SupplierSiteId = table.Column<int>(type: "INTEGER", nullable: true),
                    SupplierTownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    SupplierDepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    SupplierName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TransferId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Delivered = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportRequests", x => x.Id);
                    table.CheckConstraint("CK_SupportRequests_Quantity", "Quantity > 0");
                    table.ForeignKey(
                        name: "FK_SupportRequests_SupplyKinds_SupplyKindId",
                        column: x => x.SupplyKindId,
                        principalTable: "SupplyKinds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportSteps_SupportRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "SupportRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Status_ValidTo",
                table: "Agreements",
                columns: new[] { "Status", "ValidTo" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_TownshipId_ValidTo",
                table: "Agreements",
                columns: new[] { "TownshipId", "ValidTo" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_Status",
                table: "SupportRequests",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_SupplierDepartmentId_Status",
                table: "SupportRequests",
                columns: new[] { "SupplierDepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_SupplierTownshipId_Status",
                table: "SupportRequests",
                columns: new[] { "SupplierTownshipId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_SupplyKindId",
                table: "SupportRequests",
                column: "SupplyKindId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_TownshipId_Status",
                table: "SupportRequests",
                columns: new[] { "TownshipId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportSteps_RequestId_Id",
                table: "SupportSteps",
                columns: new[] { "RequestId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "SupportSteps");

            migrationBuilder.DropTable(
                name: "SupportRequests");
        }
    }
}
