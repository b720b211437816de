using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Training.Data.Migrations
{
    /// <inheritdoc />
    public partial class DrillsCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IdCard = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    UnitKind = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: true),
                    InviteeId = table.Column<int>(type: "INTEGER", nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Drills",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganiserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Teams = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Observers = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Account = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Improvements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EvaluationReport = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    EvaluationFileName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EvaluationContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EvaluationOriginalName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Drills", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DrillPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DrillId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillPhotos_Drills_DrillId",
                        column: x => x.DrillId,
                        principalTable: "Drills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DrillProblems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DrillId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillProblems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillProblems_Drills_DrillId",
                        column: x => x.DrillId,
                        principalTable: "Drills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DrillUnits",
                columns: table => new
                {
                    DrillId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitKind = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillUnits", x => new { x.DrillId, x.UnitKind, x.UnitId });
                    table.ForeignKey(
                        name: "FK_DrillUnits_Drills_DrillId",
                        column: x => x.DrillId,
                        principalTable: "Drills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ExpiresOn",
                table: "Certificates",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_IdCard",
                table: "Certificates",
                column: "IdCard");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Kind_Number",
                table: "Certificates",
                columns: new[] { "Kind", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_TownshipId",
                table: "Certificates",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillPhotos_DrillId",
                table: "DrillPhotos",
                column: "DrillId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillProblems_DrillId",
                table: "DrillProblems",
                column: "DrillId");

            migrationBuilder.CreateIndex(
                name: "IX_Drills_Status_StartsAtUtc",
                table: "Drills",
                columns: new[] { "Status", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Drills_TownshipId",
                table: "Drills",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillUnits_TownshipId",
                table: "DrillUnits",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillUnits_UnitKind_UnitId",
                table: "DrillUnits",
                columns: new[] { "UnitKind", "UnitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "DrillPhotos");

            migrationBuilder.DropTable(
                name: "DrillProblems");

            migrationBuilder.DropTable(
                name: "DrillUnits");

            migrationBuilder.DropTable(
                name: "Drills");
        }
    }
}
