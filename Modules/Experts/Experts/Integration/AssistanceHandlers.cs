using Emergency.BuildingBlocks.Events;
using Emergency.Enforcement.Contracts;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Integration;

/// <summary>
/// 执法+专家: Enforcement asks for experts. The pool has no rule that picks experts by itself (every dispatch is chosen
/// by a person from the suggested candidates), so the request is kept and put on the bureau's 我的待办; the dispatch
/// page opens prefilled from it. Kept once per request (the unique reference makes a redelivery a no-op).
/// </summary>
internal sealed class ExpertAssistanceRequestedHandler(ExpertsDbContext db, TimeProvider clock) : IIntegrationEventHandler<ExpertAssistanceRequested>
{
    public const string Source = "enforcement";

    public async Task HandleAsync(ExpertAssistanceRequested integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        if (await db.AssistanceRequests.AnyAsync(r => r.Source == Source && r.ReferenceId == e.RequestId, cancellationToken))
        {
            return;
        }

        var names = e.Fields.Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
        var known = await db.Fields.AsNoTracking().Where(f => f.Active && names.Contains(f.Name)).Select(f => new { f.Id, f.Name }).ToListAsync(cancellationToken);
        var first = names.Select(n => known.FirstOrDefault(k => k.Name == n)).FirstOrDefault(k => k is not null);
        db.AssistanceRequests.Add(new AssistanceRequest
        {
            Source = Source,
            ReferenceId = e.RequestId,
            InspectionId = e.InspectionId,
            UnitName = Cut(e.UnitName, 100),
            TargetName = Cut(e.TargetName, 200),
            Fields = Cut(string.Join("；", names), 500),
            FieldId = first?.Id,
            Count = e.Count,
            StartsAtUtc = e.StartsAtUtc,
            Location = Cut(e.Location, 200),
            Reason = Cut(e.Reason, 2000),
            RequestedBy = Cut(e.RequestedBy, 64),
            ReceivedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}

/// <summary>
/// 执法+专家: the officer recorded that an expert who accepted took part in the inspection; the expert's record counts
/// one participation (执法检查) for the dispatch, once. An expert who did not accept that dispatch is not counted.
/// </summary>
internal sealed class ExpertParticipationRecordedHandler(ExpertsDbContext db, ExpertStatusChanges changes) : IIntegrationEventHandler<ExpertParticipationRecorded>
{
    public async Task HandleAsync(ExpertParticipationRecorded integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        var request = await db.AssistanceRequests.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Source == ExpertAssistanceRequestedHandler.Source && r.ReferenceId == e.RequestId, cancellationToken);
        if (request?.DispatchId is not { } dispatchId)
        {
            return;
        }

        var accepted = await db.DispatchAssignments.AnyAsync(a => a.DispatchId == dispatchId && a.ExpertId == e.ExpertId && a.Answer == AnswerStatus.Accepted, cancellationToken);
        if (!accepted || await db.Participations.AnyAsync(p => p.ExpertId == e.ExpertId && p.Kind == ParticipationKind.Inspection && p.ReferenceId == dispatchId, cancellationToken))
        {
            return;
        }

        var dispatch = await db.Dispatches.AsNoTracking().SingleAsync(d => d.Id == dispatchId, cancellationToken);
        var expert = await db.Experts.SingleAsync(x => x.Id == e.ExpertId, cancellationToken);
        var title = $"执法检查：{e.TargetName}（{request.UnitName}）";
        changes.Participated(expert, ParticipationKind.Inspection, dispatchId, title.Length > 200 ? title[..200] : title,
            e.Date.ToDateTime(new TimeOnly(12, 0)).AddHours(-8), dispatch.DepartmentId, dispatch.DepartmentName, dispatch.Classified);
        await db.SaveChangesAsync(cancellationToken);
    }
}
