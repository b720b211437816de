using Emergency.BuildingBlocks.Events;
using Emergency.Teams.Data;
using Emergency.Teams.Domain;
using Emergency.Training.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Integration;

/// <summary>
/// A passed attendee of a closed training session (<see cref="CourseCompleted"/>) with an ID card: each active member
/// of the county's teams with that ID card who is not yet marked trained is marked trained on the session's date,
/// "培训：&lt;session title&gt;", through <see cref="TeamRoster"/> so the team's counts and <c>TeamStrengthChanged</c>
/// stay right. A failed assessment, an attendee without an ID card or a member already trained changes nothing.
/// </summary>
internal sealed class CourseCompletedHandler(TeamsDbContext db, TeamRoster roster, TimeProvider clock) : IIntegrationEventHandler<CourseCompleted>
{
    public async Task HandleAsync(CourseCompleted integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var idCard = integrationEvent.IdCard.Trim().ToUpperInvariant();
        if (!integrationEvent.Passed || idCard.Length == 0)
        {
            return;
        }

        var members = await db.Members
            .Where(m => m.IdCardNumber == idCard && m.LeftOn == null && !m.Trained)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(BuildingBlocks.Clock.ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        var on = integrationEvent.Date is { } date && date <= today ? date : today;
        var title = integrationEvent.SessionTitle.Length > 0 ? integrationEvent.SessionTitle : "第 " + integrationEvent.SessionId + " 期";
        var how = ("培训：" + title).Length > 200 ? ("培训：" + title)[..200] : "培训：" + title;
        foreach (var member in members)
        {
            var team = await db.Teams.Include(t => t.Members).SingleAsync(t => t.Id == member.TeamId, cancellationToken);
            var result = await roster.MarkTrainedAsync(team, member, on, how, cancellationToken);
            if (result.Errors.Count > 0)
            {
                throw new InvalidOperationException($"Marking member {member.Id} trained was refused: {string.Join("; ", result.Errors.Select(e => e.Message))}");
            }
        }
    }
}
