using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Tenancy;

namespace Emergency.Training.Contracts;

/// <summary>
/// A training session was closed and this attendee was present (one event per present attendee): Teams marks
/// members trained from it, readiness counts days delivered.
/// </summary>
public sealed record CourseCompleted : IntegrationEvent
{
    public required int SessionId { get; init; }

    /// <summary>The session's title (培训主题), for who records the training elsewhere.</summary>
    public string SessionTitle { get; init; } = "";

    /// <summary>The session's date (China time); null in events published before it was carried.</summary>
    public DateOnly? Date { get; init; }

    public required string PersonName { get; init; }

    /// <summary>居民身份证号码, empty when the organiser did not record it.</summary>
    public string IdCard { get; init; } = "";

    /// <summary>The attendee's unit (a township or village of the county, or a department), when known.</summary>
    public UnitKind? UnitKind { get; init; }

    public int? UnitId { get; init; }

    public required string UnitName { get; init; }

    public required double Hours { get; init; }

    /// <summary>The assessment (考核) was passed; false for a failed one (不合格者不得上岗, seed 001).</summary>
    public required bool Passed { get; init; }
}

/// <summary>The kinds of drill (演练).</summary>
public enum DrillKind
{
    /// <summary>桌面推演.</summary>
    Tabletop = 0,

    /// <summary>实战演练.</summary>
    FullScale = 1,

    /// <summary>综合演练.</summary>
    Comprehensive = 2,

    /// <summary>专项演练.</summary>
    Specialised = 3,
}

/// <summary>A drill was closed with its evaluation report (演练评估报告): Plans uses it for drill cadence and revision triggers.</summary>
public sealed record DrillCompleted : IntegrationEvent
{
    public required int DrillId { get; init; }

    /// <summary>The plan's title (as issued, when the drill's plan was picked from Plans; else as entered by hand).</summary>
    public required string PlanName { get; init; }

    /// <summary>The plan's id in Plans when the organiser picked it from the issued plans; null for a name entered by hand.</summary>
    public int? PlanId { get; init; }

    public required DateOnly Date { get; init; }

    public required DrillKind Kind { get; init; }

    public required int ProblemsFound { get; init; }

    /// <summary>The townships taking part (a village's or a township's own), for readiness; empty when only departments took part.</summary>
    public IReadOnlyList<int> TownshipIds { get; init; } = [];
}

/// <summary>On the county's shortfall check date a unit had not received its yearly training days (published once per unit and year).</summary>
public sealed record TrainingShortfall : IntegrationEvent
{
    public required UnitKind UnitKind { get; init; }

    public required int UnitId { get; init; }

    public required string UnitName { get; init; }

    public required int Year { get; init; }

    public required double DaysOwed { get; init; }
}

/// <summary>
/// A session was closed: for each of its target units, the yearly training days delivered so far (closed sessions of
/// the China year the session started in, this one included) against the unit's yearly target
/// (training.township-days / village-days). Published in the commit that closes the session.
/// </summary>
public sealed record TrainingDaysDelivered : IntegrationEvent
{
    public required UnitKind UnitKind { get; init; }

    public required int UnitId { get; init; }

    public required string UnitName { get; init; }

    public required int TownshipId { get; init; }

    public required int Year { get; init; }

    public required double Target { get; init; }

    public required double Delivered { get; init; }
}
