using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Training.Data.Migrations
{
    /// <inheritdoc />
    public partial class PeopleAndChecklist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "KnownPersonId",
                table: "Invitees",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "KnownPeople",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceModule = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IdCard = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitKind = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnownPeople", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SkillTicks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KnownPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    InviteeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Item = table.Column<int>(type: "INTEGER", nullable: false),
                    TickedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TickedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TickedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkillTicks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Invitees_KnownPersonId",
                table: "Invitees",
                column: "KnownPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_KnownPeople_IdCard",
                table: "KnownPeople",
                column: "IdCard");

            migrationBuilder.CreateIndex(
                name: "IX_KnownPeople_SourceModule_SourceId",
                table: "KnownPeople",
                columns: new[] { "SourceModule", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KnownPeople_TownshipId_UnitKind_UnitId",
                table: "KnownPeople",
                columns: new[] { "TownshipId", "UnitKind", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_SkillTicks_InviteeId_Item",
                table: "SkillTicks",
                columns: new[] { "InviteeId", "Item" },
                unique: true,
                filter: "InviteeId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SkillTicks_KnownPersonId_Item",
                table: "SkillTicks",
                columns: new[] { "KnownPersonId", "Item" },
                unique: true,
                filter: "KnownPersonId IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KnownPeople");

            migrationBuilder.DropTable(
                name: "SkillTicks");

            migrationBuilder.DropIndex(
                name: "IX_Invitees_KnownPersonId",
                table: "Invitees");

            migrationBuilder.DropColumn(
                name: "KnownPersonId",
                table: "Invitees");
        }
    }
}
