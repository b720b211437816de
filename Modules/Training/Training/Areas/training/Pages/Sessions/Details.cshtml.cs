using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
        if (Move.StartsAt is null)
        {
            Move = new MoveInput { StartsAt = ChinaTime.FromUtc(session.StartsAtUtc), EndsAt = ChinaTime.FromUtc(session.EndsAtUtc), Place = session.Place };
        }

        return true;
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
