using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Experts.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExpertsRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExpertChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExpertId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Proposed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProposedByUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TeamFilings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpertCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Names = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FiledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamFilings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertChanges_DepartmentId_Status_DecidedAtUtc",
                table: "ExpertChanges",
                columns: new[] { "DepartmentId", "Status", "DecidedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertChanges_ExpertId_ProposedAtUtc",
                table: "ExpertChanges",
                columns: new[] { "ExpertId", "ProposedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertChanges_Status_ProposedAtUtc",
                table: "ExpertChanges",
                columns: new[] { "Status", "ProposedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TeamFilings_DepartmentId_FiledAtUtc",
                table: "TeamFilings",
                columns: new[] { "DepartmentId", "FiledAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TeamFilings_Year_DepartmentId_FiledAtUtc",
                table: "TeamFilings",
                columns: new[] { "Year", "DepartmentId", "FiledAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExpertChanges");

            migrationBuilder.DropTable(
                name: "TeamFilings");
        }
    }
}
