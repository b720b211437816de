using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Areas.training.Pages.Certificates;

/// <summary>
/// 登记证书: by hand, or (with <c>invitee</c>) from a present and passed attendee of a closed session the user
/// organises, the holder prefilled. The number is unique per kind; problems are shown beside their fields.
/// </summary>
[RequirePermission(TrainingModule.Manage)]
internal sealed class CreateModel(TrainingDbContext db, TrainingAccess access, Domain.Certificates certificates, Domain.Sessions sessions, ICountyUnits units, TimeProvider clock) : PageModel
{
    public Organiser? Organiser { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? Invitee { get; set; }

    [BindProperty]
    public CertificateInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Input.IssuedOn = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        if (Invitee is { } id && await db.Invitees.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is { } attendee)
        {
            Input.HolderName = attendee.Name;
            Input.IdCard = attendee.IdCard;
            Input.UnitKey = Organiser!.TargetOptions.FirstOrDefault(u => u.Name == attendee.UnitName)?.Key;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var unit = Organiser!.TargetOptions.FirstOrDefault(u => u.Key == Input.UnitKey);
        var (issued, problems) = await certificates.IssueAsync(
            new CertificateDraft(Input.Kind, Input.Number, Input.HolderName, Input.IdCard, unit, Input.IssuedOn, Input.ExpiresOn, Invitee),
            access.UserName,
            cancellationToken);
        if (issued is null)
        {
            ModelState.Clear();
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }

            return Page();
        }

        TempData["Notice"] = $"已登记证书：{issued.HolderName}（{issued.Number}）";
        return RedirectToPage("Index");
    }

    /// <summary>The issuer and, for an issue from an attendee, that the user organises the attendee's session (404 outside the view, 403 otherwise).</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Organiser = await access.DrillOrganiserAsync(units, cancellationToken);
        if (Organiser is null)
        {
            return Forbid();
        }

        if (Invitee is { } id)
        {
            var sessionId = await db.Invitees.Where(i => i.Id == id).Select(i => (int?)i.SessionId).SingleOrDefaultAsync(cancellationToken);
            var session = sessionId is { } s ? await sessions.FindAsync(access.Visible(db.Sessions), s, cancellationToken) : null;
            if (session is null)
            {
                return NotFound();
            }

            if (!access.Organises(session))
            {
                return Forbid();
            }
        }

        return null;
    }

    internal sealed class CertificateInput
    {
        [EnumDataType(typeof(CertificateKind), ErrorMessage = "请选择证书类别")]
        public CertificateKind Kind { get; set; } = CertificateKind.TrainingPassed;

        public string? Number { get; set; }

        public string? HolderName { get; set; }

        public string? IdCard { get; set; }

        public string? UnitKey { get; set; }

        public DateOnly? IssuedOn { get; set; }

        public DateOnly? ExpiresOn { get; set; }
    }
}
