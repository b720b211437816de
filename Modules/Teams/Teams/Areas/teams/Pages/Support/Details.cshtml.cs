using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Areas.teams.Pages.Support;

/// <summary>
/// One support request: its facts and history, and the step the user may take now — assign (the county), confirm or
/// decline (the supplying unit), close (the requesting township). A step out of turn is refused with a message.
/// </summary>
internal sealed class DetailsModel(TeamsDbContext db, SupportAccess access, SupportDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public string? SupplierKey { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public SupportRequest Asked { get; private set; } = null!;

    public string What { get; private set; } = "";

    public string? ReceivingSite { get; private set; }

    public IReadOnlyList<SupportStep> Steps { get; private set; } = [];

    public IReadOnlyList<SupplierOption> Options { get; private set; } = [];

    public bool MayAssign => access.MayAssign && SupportDesk.Allows(Asked, SupportAction.Assign);

    public bool MayConfirm => access.IsSupplier(Asked) && SupportDesk.Allows(Asked, SupportAction.Confirm);

    public bool MayCancel => access.IsRequester(Asked) && SupportDesk.Allows(Asked, SupportAction.Cancel);

    public bool MayClose => access.IsRequester(Asked) && SupportDesk.Allows(Asked, SupportAction.Close);

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken) =>
        StepAsync(() => access.MayAssign, r => desk.AssignAsync(r, SupplierKey, Note, cancellationToken), "已指派支援单位", cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken) =>
        StepAsync(() => access.IsSupplier(Asked), r => desk.ConfirmAsync(r, Note, cancellationToken), "已确认支援", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken) =>
        StepAsync(() => access.IsSupplier(Asked), r => desk.DeclineAsync(r, Note, cancellationToken), "已退回县应急管理局重新指派", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken) =>
        StepAsync(() => access.IsRequester(Asked), r => desk.CancelAsync(r, Note, cancellationToken), "已撤回支援申请", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken) =>
        StepAsync(() => access.IsRequester(Asked), r => desk.CloseAsync(r, Note, cancellationToken), "已结案", cancellationToken);

    private async Task<IActionResult> StepAsync(Func<bool> mayAct, Func<SupportRequest, Task<IReadOnlyList<FieldError>>> step, string done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!mayAct())
        {
            return Forbid();
        }

        var tracked = await db.SupportRequests.SingleAsync(r => r.Id == Id, cancellationToken);
        var errors = await step(tracked);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }

            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            return Page();
        }

        Notice = done;

        // A supplier who declined no longer sees the request: back to the list.
        return access.MaySee(tracked) ? RedirectToPage(new { id = Id }) : RedirectToPage("/Support/Index");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var request = await db.SupportRequests.AsNoTracking().Include(r => r.SupplyKind).SingleOrDefaultAsync(r => r.Id == Id, cancellationToken);
        if (request is null || !access.MaySee(request))
        {
            return NotFound();
        }

        Asked = request;
        What = IndexModel.What(request);
        ReceivingSite = request.ReceivingSiteId is { } site ? await db.Sites.AsNoTracking().Where(s => s.Id == site).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken) : null;
        Steps = await db.SupportSteps.AsNoTracking().Where(s => s.RequestId == request.Id).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        Options = MayAssign ? await desk.SupplierOptionsAsync(request, cancellationToken) : [];
        return null;
    }
}
