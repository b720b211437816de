using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.BuildingBlocks.Email.Data.Migrations
{
    /// <inheritdoc />
    public partial class MailAttachment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AttachmentContent",
                table: "MailMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentContentType",
                table: "MailMessages",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentName",
                table: "MailMessages",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AttachmentContent",
                table: "MailMessages");

            migrationBuilder.DropColumn(
                name: "AttachmentContentType",
                table: "MailMessages");

            migrationBuilder.DropColumn(
                name: "AttachmentName",
                table: "MailMessages");
        }
    }
}
