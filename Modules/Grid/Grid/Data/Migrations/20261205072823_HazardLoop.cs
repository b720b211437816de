using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Grid.Data.Migrations
{
    /// <inheritdoc />
    public partial class HazardLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EscalatedAtUtc",
                table: "Hazards",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LevelConfirmedAtUtc",
                table: "Hazards",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LevelConfirmedBy",
                table: "Hazards",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Rectifier",
                table: "Hazards",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportedLevel",
                table: "Hazards",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleMobile",
                table: "Hazards",
                type: "TEXT",
                maxLength: 11,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleName",
                table: "Hazards",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Purpose",
                table: "HazardPhotos",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing hazards: the reporter's level is taken to be the level they have (who confirmed it is not known).
            migrationBuilder.Sql("UPDATE Hazards SET ReportedLevel = Level;");

            migrationBuilder.CreateIndex(
                name: "IX_Hazards_AwaitingReportIn_EscalatedAtUtc",
                table: "Hazards",
                columns: new[] { "AwaitingReportIn", "EscalatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Hazards_AwaitingReportIn_EscalatedAtUtc",
                table: "Hazards");

            migrationBuilder.DropColumn(
                name: "EscalatedAtUtc",
                table: "Hazards");

            migrationBuilder.DropColumn(
                name: "LevelConfirmedAtUtc",
                table: "Hazards");

            migrationBuilder.DropColumn(
                name: "LevelConfirmedBy",
                table: "Hazards");

            migrationBuilder.DropColumn(
                name: "Rectifier",
                table: "Hazards");

            migrationBuilder.DropColumn(
                name: "ReportedLevel",
                table: "Hazards");

            migrationBuilder.DropColumn(
                name: "ResponsibleMobile",
                table: "Hazards");

            migrationBuilder.DropColumn(
                name: "ResponsibleName",
                table: "Hazards");

            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "HazardPhotos");
        }
    }
}
