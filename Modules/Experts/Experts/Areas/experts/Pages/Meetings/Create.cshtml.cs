using Emergency.BuildingBlocks.Access;
using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Meetings;

/// <summary>Organises a consultation meeting and invites active experts by email (a classified one without its content).</summary>
[RequirePermission(ExpertsModule.Dispatch)]
internal sealed class CreateModel(ExpertsDbContext db, ExpertsAccess access, ICountyUnits units, ICountyContext county, ExpertNotices notices, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Expert> Experts { get; private set; } = [];

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await access.OrganiserAsync(units, county.Required, cancellationToken) is null)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await access.OrganiserAsync(units, county.Required, cancellationToken) is not { } organiser)
        {
            return Forbid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var startsAt = Input.StartsAt is { } s ? ChinaTime.ToUtc(s) : (DateTime?)null;
        if (startsAt is not null && startsAt <= now)
        {
            ModelState.AddModelError("Input.StartsAt", "会商时间必须晚于当前时间");
        }

        await LoadAsync(cancellationToken);
        var invited = Experts.Where(e => Input.ExpertIds.Contains(e.Id)).ToList();
        if (Input.ExpertIds.Count == 0)
        {
            ModelState.AddModelError("Input.ExpertIds", "请至少邀请一名专家");
        }
        else if (invited.Count != Input.ExpertIds.Distinct().Count())
        {
            ModelState.AddModelError("Input.ExpertIds", "只能邀请在库专家");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var meeting = new Meeting
        {
            Kind = Input.Kind,
            Topic = Input.Topic!.Trim(),
            StartsAtUtc = startsAt!.Value,
            Place = Input.Place!.Trim(),
            Classified = Input.Classified,
            DepartmentId = organiser.Id,
            DepartmentName = organiser.Name,
            CreatedBy = access.UserName,
            CreatedAtUtc = now,
            Invitations = invited.Select(e => new MeetingInvitation { ExpertId = e.Id }).ToList(),
        };
        db.Meetings.Add(meeting);
        var kind = MeetingKindName(meeting.Kind);
        foreach (var expert in invited.Where(e => !string.IsNullOrWhiteSpace(e.Email)))
        {
            db.Notify(notices.Invitation(meeting, kind, expert, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = $"已组织{kind}，邀请专家 {invited.Count} 名";
        return RedirectToPage("Details", new { id = meeting.Id });
    }

    public static string MeetingKindName(MeetingKind kind) => kind switch
    {
        MeetingKind.Assessment => "研判会",
        MeetingKind.Analysis => "分析会",
        _ => "会商会",
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var query = db.Experts.AsNoTracking().Where(e => e.Status == ExpertStatus.Active);
        if (!access.SeesWholeCounty)
        {
            var department = access.DepartmentId;
            query = query.Where(e => e.Level == ExpertTeamLevel.County || e.DepartmentId == department);
        }

        Experts = await query.OrderBy(e => e.Name).Take(500).ToListAsync(cancellationToken);
    }

    internal sealed class MeetingInput
    {
        [EnumDataType(typeof(MeetingKind), ErrorMessage = "请选择会议类型")]
        public MeetingKind Kind { get; set; } = MeetingKind.Consultation;

        [Required(ErrorMessage = "请填写会商主题")]
        [StringLength(200, ErrorMessage = "会商主题不能超过 200 个字")]
        public string? Topic { get; set; }

        [Required(ErrorMessage = "请填写会商时间")]
        public DateTime? StartsAt { get; set; }

        [Required(ErrorMessage = "请填写会商地点")]
        [StringLength(200, ErrorMessage = "会商地点不能超过 200 个字")]
        public string? Place { get; set; }

        public bool Classified { get; set; }

        public List<int> ExpertIds { get; set; } = [];
    }
}
