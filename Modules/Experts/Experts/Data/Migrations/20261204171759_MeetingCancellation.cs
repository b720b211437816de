using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Experts.Data.Migrations
{
    /// <inheritdoc />
    public partial class MeetingCancellation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancelReason",
                table: "Meetings",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAtUtc",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledBy",
                table: "Meetings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancelReason",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CancelledAtUtc",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "CancelledBy",
                table: "Meetings");
        }
    }
}
