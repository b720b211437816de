using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Areas.training.Pages.Sessions;

/// <summary>
/// A session: its schedule, targets and invitees; for its organiser the invitee form, the sign-in sheet (after the
/// start), closing, moving and cancelling. A session outside the user's view is 404; a write by someone who does
/// not organise it is 403.
/// </summary>
internal sealed class DetailsModel(TrainingDbContext db, TrainingAccess access, Domain.Sessions sessions, TimeProvider clock) : PageModel
{
    public TrainingSession Session { get; private set; } = null!;

    public bool Organises { get; private set; }

    public DateTime NowUtc { get; private set; }

    public bool Started => Session.StartsAtUtc <= NowUtc;

    public bool Open => Session.Status == SessionStatus.Scheduled;

    [BindProperty]
    public PersonInput Person { get; set; } = new();

    [BindProperty]
    public List<SheetInput> Sheet { get; set; } = [];

    /// <summary>The known people (team members, grid members) of the session's target units not yet invited, for the organiser to pick.</summary>
    public IReadOnlyList<KnownPerson> Candidates { get; private set; } = [];

    /// <summary>Filter of the pick list: a target unit's key (village:3).</summary>
    [BindProperty(SupportsGet = true)]
    public string? PickUnit { get; set; }

    /// <summary>Filter of the pick list: 队员 or 网格员.</summary>
    [BindProperty(SupportsGet = true)]
    public string? PickRole { get; set; }

    [BindProperty]
    public List<int> Picked { get; set; } = [];

    [BindProperty]
    public MoveInput Move { get; set; } = new();

    [BindProperty]
    public CancelInput Cancel { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    [RequirePermission(TrainingModule.Manage)]
    public Task<IActionResult> OnPostInviteAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            var problems = People.Problems(Person.Name, Person.UnitName, Person.Email, Person.Mobile, Person.IdCard);
            if (problems.Count > 0)
            {
                return [new Problem("Person", string.Join("；", problems))];
            }

            var invitee = new Invitee
            {
                Name = Person.Name!.Trim(),
                UnitName = Person.UnitName!.Trim(),
                Email = Blank(Person.Email),
                Mobile = Blank(Person.Mobile),
                IdCard = Blank(Person.IdCard)?.ToUpperInvariant() ?? "",
            };
            var result = await sessions.AddInviteesAsync(Session, [invitee], cancellationToken);
            TempData["Notice"] = result.Count == 0 ? $"已添加受邀人员：{invitee.Name}" : null;
            return result;
        }, cancellationToken);

    /// <summary>Invites the known people picked from the list (only those of the session's target units); the same person twice is refused.</summary>
    [RequirePermission(TrainingModule.Manage)]
    public Task<IActionResult> OnPostPickAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            if (Picked.Count == 0)
            {
                return [new Problem("Picked", "请选择要邀请的人员")];
            }

            var offered = await OfferedAsync(Session, cancellationToken);
            var chosen = offered.Where(p => Picked.Contains(p.Id)).ToList();
            if (chosen.Count != Picked.Distinct().Count())
            {
                // Not offered: another unit's person, someone inactive, or already invited.
                var invited = Session.Invitees.Where(i => i.KnownPersonId is { } k && Picked.Contains(k)).Select(i => i.Name).ToList();
                return [new Problem("Picked", invited.Count > 0 ? $"{string.Join("、", invited)}已在受邀名单中，不能重复邀请" : "只能选择本培训对象单位的在岗人员")];
            }

            var people = chosen.Select(p => new Invitee
            {
                Name = p.Name,
                UnitName = p.UnitName,
                Mobile = p.Mobile.Length == 11 ? p.Mobile : null,
                IdCard = p.IdCard,
                KnownPersonId = p.Id,
            }).ToList();
            var result = await sessions.AddInviteesAsync(Session, people, cancellationToken);
            TempData["Notice"] = result.Count == 0 ? $"已添加受邀人员 {people.Count} 名：{string.Join("、", people.Select(p => p.Name))}" : null;
            return result.Select(r => r with { Field = "Picked" }).ToList();
        }, cancellationToken);

    [RequirePermission(TrainingModule.Manage)]
    public Task<IActionResult> OnPostSheetAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            var result = await sessions.RecordAsync(Session, Sheet.Select(l => new SheetLine(l.InviteeId, l.Attendance, l.Score, l.Passed)).ToList(), cancellationToken);
            TempData["Notice"] = result.Count == 0 ? "已保存签到表" : null;
            return result;
        }, cancellationToken);

    [RequirePermission(TrainingModule.Manage)]
    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            var result = await sessions.CloseAsync(Session, cancellationToken);
            TempData["Notice"] = result.Count == 0 ? $"培训已结束，出席 {Session.Invitees.Count(i => i.Attendance == Attendance.Present)} 人" : null;
            return result;
        }, cancellationToken);

    [RequirePermission(TrainingModule.Manage)]
    public Task<IActionResult> OnPostMoveAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            if (string.IsNullOrWhiteSpace(Move.Place) || Move.StartsAt is null || Move.EndsAt is null)
            {
                return [new Problem("Move.StartsAt", "请填写新的时间和地点")];
            }

            var result = await sessions.MoveAsync(Session, Move.StartsAt, Move.EndsAt, Move.Place.Trim(), access.County, cancellationToken);
            TempData["Notice"] = result.Count == 0 ? "已调整培训时间地点，并已通知相关人员" : null;
            return result;
        }, cancellationToken);

    [RequirePermission(TrainingModule.Manage)]
    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            var result = await sessions.CancelAsync(Session, Cancel.Reason, access.County, cancellationToken);
            TempData["Notice"] = result.Count == 0 ? "已取消培训，并已通知相关人员" : null;
            return result;
        }, cancellationToken);

    private async Task<IActionResult> ActAsync(int id, Func<Task<IReadOnlyList<Problem>>> act, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Organises)
        {
            return Forbid();
        }

        var problems = await act();
        if (problems.Count == 0)
        {
            return RedirectToPage(new { id });
        }

        ModelState.Clear();
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        if (await sessions.FindAsync(access.Visible(db.Sessions), id, cancellationToken) is not { } session)
        {
            return false;
        }

        Session = session;
        Session.Invitees.Sort((a, b) => a.Id.CompareTo(b.Id));
        Organises = access.Organises(session);
        if (Organises && Open && !Started)
        {
            var invited = Session.Invitees.Where(i => i.KnownPersonId is not null).Select(i => i.KnownPersonId!.Value).ToHashSet();
            Candidates = (await OfferedAsync(session, cancellationToken))
                .Where(p => !invited.Contains(p.Id))
                .Where(p => string.IsNullOrEmpty(PickUnit) || KnownPeopleBook.UnitKey(p) == PickUnit)
                .Where(p => string.IsNullOrEmpty(PickRole) || p.Role == PickRole)
                .ToList();
        }

        if (Move.StartsAt is null)
        {
            Move = new MoveInput { StartsAt = ChinaTime.FromUtc(session.StartsAtUtc), EndsAt = ChinaTime.FromUtc(session.EndsAtUtc), Place = session.Place };
        }

        return true;
    }

    /// <summary>The active known people of the session's target units (a target township: everyone of the township).</summary>
    private async Task<List<KnownPerson>> OfferedAsync(TrainingSession session, CancellationToken cancellationToken)
    {
        var townships = session.Targets.Select(t => t.TownshipId).Distinct().ToList();
        var people = await access.Visible(db.KnownPeople.AsNoTracking())
            .Where(p => p.Active && townships.Contains(p.TownshipId))
            .OrderBy(p => p.UnitName).ThenBy(p => p.Role).ThenBy(p => p.Name)
            .Take(2000)
            .ToListAsync(cancellationToken);
        return people.Where(p => session.Targets.Any(t => t.UnitKind == BuildingBlocks.Tenancy.UnitKind.Township ? p.TownshipId == t.UnitId : p.UnitKind == t.UnitKind && p.UnitId == t.UnitId)).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal sealed class PersonInput
    {
        public string? Name { get; set; }

        public string? UnitName { get; set; }

        public string? Email { get; set; }

        public string? Mobile { get; set; }

        public string? IdCard { get; set; }
    }

    internal sealed class SheetInput
    {
        public int InviteeId { get; set; }

        [EnumDataType(typeof(Attendance))]
        public Attendance Attendance { get; set; }

        public int? Score { get; set; }

        public bool Passed { get; set; }
    }

    internal sealed class MoveInput
    {
        public DateTime? StartsAt { get; set; }

        public DateTime? EndsAt { get; set; }

        public string? Place { get; set; }
    }

    internal sealed class CancelInput
    {
        public string? Reason { get; set; }
    }
}
