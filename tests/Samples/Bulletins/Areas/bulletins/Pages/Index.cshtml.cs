using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Access;
using Emergency.Samples.Bulletins.Contracts;
using Emergency.Samples.Bulletins.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Samples.Bulletins.Areas.bulletins.Pages;

internal sealed class IndexModel(BulletinsDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Bulletin> Bulletins { get; private set; } = [];

    [BindProperty]
    public IssueInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Bulletins = await db.Bulletins.AsNoTracking().OrderByDescending(b => b.Id).Take(50).ToListAsync(cancellationToken);

    [RequirePermission(BulletinsModule.Issue)]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var deadline = Input.AcknowledgeBy is { } local ? ChinaTime.ToUtc(local) : (DateTime?)null;
        if (deadline is not null && deadline <= now)
        {
            ModelState.AddModelError("Input.AcknowledgeBy", "确认期限必须晚于当前时间");
        }

        if (!ModelState.IsValid)
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }

        var bulletin = new Bulletin
        {
            Title = Input.Title!.Trim(),
            ContactEmail = Input.ContactEmail!.Trim(),
            IssuedAtUtc = now,
            AcknowledgeByUtc = deadline!.Value,
        };
        // The state change and its event commit together: the event cannot be lost, nor sent for nothing.
        Issuing.Issue(db, bulletin);
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已发布：{bulletin.Title}";
        return RedirectToPage();
    }

    internal sealed class IssueInput
    {
        [Required(ErrorMessage = "请填写标题")]
        [StringLength(100, ErrorMessage = "标题不能超过 100 个字")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "请填写联系人邮箱")]
        [EmailAddress(ErrorMessage = "邮箱格式不正确")]
        public string? ContactEmail { get; set; }

        [Required(ErrorMessage = "请填写确认期限")]
        public DateTime? AcknowledgeBy { get; set; }
    }
}
