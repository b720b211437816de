using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Experts.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExpertAssistance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AssistanceRequestId",
                table: "Dispatches",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssistanceRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReferenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    InspectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TargetName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FieldId = table.Column<int>(type: "INTEGER", nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DispatchId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistanceRequests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dispatches_AssistanceRequestId",
                table: "Dispatches",
                column: "AssistanceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceRequests_DispatchId",
                table: "AssistanceRequests",
                column: "DispatchId");

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceRequests_Source_ReferenceId",
                table: "AssistanceRequests",
                columns: new[] { "Source", "ReferenceId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssistanceRequests");

            migrationBuilder.DropIndex(
                name: "IX_Dispatches_AssistanceRequestId",
                table: "Dispatches");

            migrationBuilder.DropColumn(
                name: "AssistanceRequestId",
                table: "Dispatches");
        }
    }
}
