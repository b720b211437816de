using Emergency.BuildingBlocks.Events;
using Emergency.Enforcement.Data;
using Emergency.Experts.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Integration;

/// <summary>
/// 执法+专家: the expert pool reports an expert's answer to a dispatch made for one of this county's assistance
/// requests; the local copy (<see cref="ExpertHelper"/>) keeps one row per request and expert, updated in place, so a
/// redelivered event changes nothing. An answer for an unknown request is ignored.
/// </summary>
internal sealed class ExpertAssistanceAnsweredHandler(EnforcementDbContext db) : IIntegrationEventHandler<ExpertAssistanceAnswered>
{
    public async Task HandleAsync(ExpertAssistanceAnswered integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        if (!await db.ExpertRequests.AnyAsync(r => r.Id == e.RequestId && r.InspectionId == e.InspectionId, cancellationToken))
        {
            return;
        }

        var helper = await db.ExpertHelpers.SingleOrDefaultAsync(h => h.ExpertRequestId == e.RequestId && h.ExpertId == e.ExpertId, cancellationToken);
        if (helper is null)
        {
            helper = new ExpertHelper { ExpertRequestId = e.RequestId, ExpertId = e.ExpertId };
            db.ExpertHelpers.Add(helper);
        }

        helper.ExpertName = Cut(e.ExpertName, 50);
        helper.Employer = Cut(e.Employer, 200);
        helper.Accepted = e.Accepted;
        helper.DeclineReason = Cut(e.DeclineReason, 500);
        helper.AnsweredAtUtc = e.AnsweredAtUtc;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
