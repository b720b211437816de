using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Grid.Data.Migrations
{
    /// <inheritdoc />
    public partial class GridNetwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Relocated",
                table: "Disasters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Stage",
                table: "Disasters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DisasterFigures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AffectedPeople = table.Column<int>(type: "INTEGER", nullable: false),
                    Dead = table.Column<int>(type: "INTEGER", nullable: false),
                    Missing = table.Column<int>(type: "INTEGER", nullable: false),
                    Injured = table.Column<int>(type: "INTEGER", nullable: false),
                    Relocated = table.Column<int>(type: "INTEGER", nullable: false),
                    HousesDamaged = table.Column<int>(type: "INTEGER", nullable: false),
                    DirectLoss = table.Column<double>(type: "REAL", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisasterFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisasterFigures_Disasters_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Disasters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberHistory_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Patrols",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PatrolledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Checked = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    NoHazardFound = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Patrols", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PatrolHazards",
                columns: table => new
                {
                    PatrolId = table.Column<int>(type: "INTEGER", nullable: false),
                    HazardId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatrolHazards", x => new { x.PatrolId, x.HazardId });
                    table.ForeignKey(
                        name: "FK_PatrolHazards_Patrols_PatrolId",
                        column: x => x.PatrolId,
                        principalTable: "Patrols",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DisasterFigures_ReportId_Id",
                table: "DisasterFigures",
                columns: new[] { "ReportId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberHistory_MemberId_Id",
                table: "MemberHistory",
                columns: new[] { "MemberId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PatrolHazards_HazardId",
                table: "PatrolHazards",
                column: "HazardId");

            migrationBuilder.CreateIndex(
                name: "IX_Patrols_GridId_PatrolledAtUtc",
                table: "Patrols",
                columns: new[] { "GridId", "PatrolledAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Patrols_PatrolledAtUtc",
                table: "Patrols",
                column: "PatrolledAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Patrols_TownshipId_PatrolledAtUtc",
                table: "Patrols",
                columns: new[] { "TownshipId", "PatrolledAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Patrols_VillageId_PatrolledAtUtc",
                table: "Patrols",
                columns: new[] { "VillageId", "PatrolledAtUtc" });

            // Reports made before the series existed: their figures become their 初报.
            migrationBuilder.Sql(
                "INSERT INTO DisasterFigures (ReportId, Stage, AtUtc, \"By\", AffectedPeople, Dead, Missing, Injured, Relocated, HousesDamaged, DirectLoss) " +
                "SELECT Id, 0, ReportedAtUtc, ReportedBy, AffectedPeople, Dead, Missing, Injured, 0, HousesDamaged, DirectLoss FROM Disasters");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DisasterFigures");

            migrationBuilder.DropTable(
                name: "MemberHistory");

            migrationBuilder.DropTable(
                name: "PatrolHazards");

            migrationBuilder.DropTable(
                name: "Patrols");

            migrationBuilder.DropColumn(
                name: "Relocated",
                table: "Disasters");

            migrationBuilder.DropColumn(
                name: "Stage",
                table: "Disasters");
        }
    }
}
