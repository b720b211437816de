using System.Security.Cryptography;
using System.Text;
using Autofac;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Respond;

/// <summary>
/// The expert answers a dispatch notice through the signed link of the email, without an account. The
/// link names its county, so the page works in a scope of its own for that county (whatever the county
/// of a signed-in visitor). A tampered link, another expert's or another county's, or an answered one is
/// refused with a page saying so, and so is an answer after the answer-by time; a refusal needs its reason, which
/// the bureau then judges (取消资格研判).
/// </summary>
[AllowAnonymous]
internal sealed class IndexModel(ILifetimeScope lifetimeScope, DispatchLinks links, ICountyDirectory counties, TimeProvider clock) : PageModel
{
    public const string InvalidLink = "链接无效或已被篡改，请使用调用通知邮件中的原始链接。";

    [BindProperty(Name = "t", SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Shown instead of the form: why the link does not work, or what was just answered.</summary>
    public string? Message { get; private set; }

    public bool Refused { get; private set; }

    public Dispatch? Dispatch { get; private set; }

    public string ExpertName { get; private set; } = "";

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => HandleAsync(null, cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken) => HandleAsync(true, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken) => HandleAsync(false, cancellationToken);

    private async Task<IActionResult> HandleAsync(bool? accept, CancellationToken cancellationToken)
    {
        var payload = links.Read(Token);
        if (payload is null || (await counties.FindAsync(payload.County, cancellationToken))?.MayUse(ExpertsModule.ModuleName) != true)
        {
            return Refuse(InvalidLink);
        }

        await using var scope = lifetimeScope.BeginLifetimeScope();
        scope.Resolve<ICountyContext>().Set(payload.County);
        var db = scope.Resolve<ExpertsDbContext>();
        var assignment = await db.DispatchAssignments.SingleOrDefaultAsync(a => a.Id == payload.AssignmentId, cancellationToken);
        if (assignment is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(assignment.TokenHash), Encoding.ASCII.GetBytes(payload.SecretHash)))
        {
            return Refuse(InvalidLink);
        }

        var dispatch = await db.Dispatches.AsNoTracking().SingleAsync(d => d.Id == assignment.DispatchId, cancellationToken);
        var expert = await db.Experts.SingleAsync(e => e.Id == assignment.ExpertId, cancellationToken);
        Dispatch = dispatch;
        ExpertName = expert.Name;
        if (assignment.Answer != AnswerStatus.Pending)
        {
            return Refuse($"该调用通知已答复（{(assignment.Answer == AnswerStatus.Accepted ? "接受" : "谢绝")}），链接已失效");
        }

        if (expert.Status != ExpertStatus.Active)
        {
            return Refuse("您已不在专家库中，该调用通知的链接已失效");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (DispatchAnswers.Refusal(dispatch, AnswerSource.Link, now, now) is { } late)
        {
            return Refuse(late);
        }

        if (accept is null)
        {
            return Page();
        }

        var answered = await scope.Resolve<DispatchAnswers>().AnswerAsync(
            assignment, dispatch, expert, accept.Value, Reason ?? "", AnswerSource.Link, now, null, now, cancellationToken);
        switch (answered.Outcome)
        {
            case AnswerOutcome.ReasonMissing:
                ModelState.AddModelError(nameof(Reason), answered.Message);
                return Page();
            case AnswerOutcome.AlreadyAnswered:
                return Refuse("该调用通知已答复，链接已失效");
            case AnswerOutcome.Refused:
                return Refuse(answered.Message);
            default:
                Message = answered.Message;
                return Page();
        }
    }

    private PageResult Refuse(string message)
    {
        Refused = true;
        Message = message;
        return Page();
    }
}
