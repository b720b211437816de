using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Plans.Data;
using Emergency.Plans.Domain;
using Emergency.Training.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Plans.Integration;

/// <summary>Keeps <see cref="ReviewExpert"/> (Plans' read copy of the expert pool) one row per expert, updated in place.</summary>
internal sealed class ReviewExpertBook(PlansDbContext db, ICountyUnits units, ICountyContext county, TimeProvider clock)
{
    public async Task RecordAsync(int expertId, string name, int? departmentId, IReadOnlyList<string>? fields, bool active, CancellationToken cancellationToken, string? employer = null)
    {
        var row = await db.ReviewExperts.SingleOrDefaultAsync(e => e.ExpertId == expertId, cancellationToken);
        if (row is null)
        {
            row = new ReviewExpert { ExpertId = expertId };
            db.ReviewExperts.Add(row);
        }

        row.Name = Cut(name, 50);
        if (fields is not null)
        {
            row.Fields = Cut(string.Join("、", fields), 500);
            row.Unit = departmentId is { } d
                ? Cut((await units.DepartmentsAsync(county.Required, cancellationToken)).FirstOrDefault(x => x.Id == d)?.Name ?? "", 100)
                : "县政府专家队伍";
        }

        if (employer is not null)
        {
            row.Employer = Cut(employer.Trim(), 100);
        }

        row.Active = active;
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}

/// <summary>An expert admitted: offered as a reviewer.</summary>
internal sealed class ExpertAdmittedHandler(ReviewExpertBook book) : IIntegrationEventHandler<ExpertAdmitted>
{
    public Task HandleAsync(ExpertAdmitted integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        return book.RecordAsync(e.ExpertId, e.Name, e.DepartmentId, e.Fields, true, cancellationToken, e.Employer);
    }
}

/// <summary>The bureau changed an expert's employer: the copy follows (an expert not yet copied is left to its admission).</summary>
internal sealed class ExpertEmployerChangedHandler(PlansDbContext db, TimeProvider clock) : IIntegrationEventHandler<ExpertEmployerChanged>
{
    public async Task HandleAsync(ExpertEmployerChanged integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (await db.ReviewExperts.SingleOrDefaultAsync(e => e.ExpertId == integrationEvent.ExpertId, cancellationToken) is { } row)
        {
            var employer = integrationEvent.Employer.Trim();
            row.Employer = employer.Length > 100 ? employer[..100] : employer;
            row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

/// <summary>An expert left the pool: kept, no longer offered.</summary>
internal sealed class ExpertExitedHandler(ReviewExpertBook book) : IIntegrationEventHandler<ExpertExited>
{
    public Task HandleAsync(ExpertExited integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return book.RecordAsync(integrationEvent.ExpertId, integrationEvent.Name, null, null, false, cancellationToken);
    }
}

/// <summary>An expert was disqualified: kept, no longer offered.</summary>
internal sealed class ExpertDisqualifiedHandler(ReviewExpertBook book) : IIntegrationEventHandler<ExpertDisqualified>
{
    public Task HandleAsync(ExpertDisqualified integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return book.RecordAsync(integrationEvent.ExpertId, integrationEvent.Name, null, null, false, cancellationToken);
    }
}

/// <summary>
/// A drill was closed: the plan of the county whose title equals the drill's plan name records the drill date (the
/// later one kept); when the drill found problems a revision trigger 演练或处置中发现问题 is raised once per drill.
/// </summary>
internal sealed class DrillCompletedHandler(PlansDbContext db, TimeProvider clock) : IIntegrationEventHandler<DrillCompleted>
{
    public async Task HandleAsync(DrillCompleted integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        // A drill on a plan picked from Plans names it by id; a plan typed by hand is matched by its title.
        Plan? plan;
        if (e.PlanId is { } planId)
        {
            plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId && p.Status != PlanStatus.Abolished, cancellationToken);
        }
        else
        {
            var name = e.PlanName.Trim();
            plan = await db.Plans.Where(p => p.Title == name && p.Status != PlanStatus.Abolished).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        }

        if (plan is null)
        {
            return;
        }

        if (plan.LastDrillOn is null || plan.LastDrillOn < e.Date)
        {
            plan.LastDrillOn = e.Date;
        }

        var source = "drill:" + e.DrillId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (e.ProblemsFound > 0 && !await db.Triggers.AnyAsync(t => t.SourceKey == source, cancellationToken))
        {
            Triggers.Raise(db, plan, TriggerKind.DrillProblems, $"{PlansNotices.Date(e.Date)} 演练发现问题 {e.ProblemsFound} 条", source, "演练", clock.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
