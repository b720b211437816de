using Emergency.Grid.Data;

namespace Emergency.Grid.Domain;

/// <summary>Records every step of a hazard (who, when, what) in the history table, in the caller's commit.</summary>
internal sealed class HazardSteps(GridDbContext db, TimeProvider clock, GridAccess access)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public void Record(Hazard hazard, string action, HazardState? from, HazardState? to, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        db.HazardHistory.Add(new HazardHistory
        {
            HazardId = hazard.Id,
            AtUtc = Now,
            By = access.UserName,
            Action = action,
            FromState = from,
            ToState = to,
            Note = note,
        });
    }

    /// <summary>Moves the hazard one step and records it; false (nothing changed) when the step does not follow.</summary>
    public bool TryMove(Hazard hazard, HazardAction action, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(hazard);
        if (HazardWorkflow.Next(hazard.State, action) is not { } next)
        {
            return false;
        }

        var from = hazard.State;
        hazard.State = next;
        if (!HazardWorkflow.IsOpen(next))
        {
            // A closed or rejected hazard is no longer overdue, nor waited for by the whistle.
            hazard.Overdue = false;
            hazard.AwaitingReportIn = false;
        }

        Record(hazard, HazardWorkflow.ActionName(action), from, next, note);
        return true;
    }
}
