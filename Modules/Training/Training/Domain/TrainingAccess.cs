using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Training.Data;

namespace Emergency.Training.Domain;

/// <summary>
/// Who may do what in training (seed 002: 县应急管理局负责组织以乡镇应急管理人员、应急救援队伍为主的业务培训，
/// 乡镇应急管理办公室负责组织行政村（社区）…的业务培训):
/// <list type="bullet">
/// <item>the county (county admin, emergency bureau, a department) organises sessions for townships;</item>
/// <item>a township organises sessions for its own villages and sees the county's sessions for it;</item>
/// <item>a village sees the sessions for it; county leaders read everything and change nothing.</item>
/// </list>
/// A session outside the user's view is not found (404); another county's lives in another store.
/// </summary>
internal sealed class TrainingAccess(IUserScope scopes, ICountyContext county) : ScopedAccess(scopes, county)
{
    /// <summary>The sessions the user may open.</summary>
    public IQueryable<TrainingSession> Visible(IQueryable<TrainingSession> query) => SessionsFor(Calendar, query);

    /// <summary>The user's scope as the calendar and its feed need it (also carried, signed, in the feed link).</summary>
    public CalendarScope Calendar => CalendarScope.From(Scope);

    /// <summary>The sessions a scope sees: the whole county all; a township its own and those for it or its villages; a village those for it; a department its own.</summary>
    public static IQueryable<TrainingSession> SessionsFor(CalendarScope scope, IQueryable<TrainingSession> query)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.WholeCounty)
        {
            return query;
        }

        return scope switch
        {
            { Level: UserScope.Township, TownshipId: { } t } => query.Where(s => s.TownshipId == t || s.Targets.Any(x => x.TownshipId == t)),
            { Level: UserScope.Village, VillageId: { } v } => query.Where(s => s.Targets.Any(x => x.UnitKind == UnitKind.Village && x.UnitId == v)),
            { Level: UserScope.Department, DepartmentId: { } d } => query.Where(s => s.DepartmentId == d),
            _ => query.Where(_ => false),
        };
    }

    /// <summary>Organises this session (records attendance, closes, moves, cancels): its organising township or department, or the county manager for a county session.</summary>
    public bool Organises(TrainingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.TownshipId is { } township
            ? ActsForTownship(township)
            : IsCountyManager || (session.DepartmentId is { } department && ActsForDepartment(department));
    }

    /// <summary>
    /// Who the user organises as, and the units their sessions may be for: the county's townships for a county
    /// post, a township's villages for a township; null for a user who organises nothing.
    /// </summary>
    public async Task<Organiser?> OrganiserAsync(ICountyUnits units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        var scope = Scope;
        if (!scope.CanWrite)
        {
            return null;
        }

        if (scope.Level == UserScope.Township && scope.TownshipId is { } township)
        {
            var villages = (await units.VillagesAsync(County, cancellationToken)).Where(v => v.ParentId == township).ToList();
            return new Organiser(township, null, scope.Unit?.Name ?? "", villages);
        }

        if (IsCountyManager || (scope.Level == UserScope.Department && scope.DepartmentId is not null))
        {
            var name = scope.Unit?.Name ?? "县应急管理局";
            return new Organiser(null, scope.DepartmentId, name, await units.TownshipsAsync(County, cancellationToken));
        }

        return null;
    }

    /// <summary>The drills the user may open: the whole county all; a township, village or department its own and those it takes part in.</summary>
    public IQueryable<Drill> Visible(IQueryable<Drill> query) => DrillsFor(Calendar, query);

    /// <summary>The drills a scope sees (see <see cref="Visible(IQueryable{Drill})"/>).</summary>
    public static IQueryable<Drill> DrillsFor(CalendarScope scope, IQueryable<Drill> query)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.WholeCounty)
        {
            return query;
        }

        return scope switch
        {
            { Level: UserScope.Township, TownshipId: { } t } => query.Where(d => d.TownshipId == t || d.Units.Any(x => x.TownshipId == t)),
            { Level: UserScope.Village, VillageId: { } v } => query.Where(d => d.Units.Any(x => x.UnitKind == UnitKind.Village && x.UnitId == v)),
            { Level: UserScope.Department, DepartmentId: { } dep } => query.Where(d => d.DepartmentId == dep || d.Units.Any(x => x.UnitKind == UnitKind.Department && x.UnitId == dep)),
            _ => query.Where(_ => false),
        };
    }

    /// <summary>The known people the user may see: all for the whole county; a township those of its own units and villages; a village or department its own.</summary>
    public IQueryable<KnownPerson> Visible(IQueryable<KnownPerson> query)
    {
        var scope = Scope;
        if (scope.SeesWholeCounty)
        {
            return query;
        }

        return scope switch
        {
            { Level: UserScope.Township, TownshipId: { } t } => query.Where(p => p.TownshipId == t),
            { Level: UserScope.Village, VillageId: { } v } => query.Where(p => p.UnitKind == UnitKind.Village && p.UnitId == v),
            { Level: UserScope.Department, DepartmentId: { } d } => query.Where(p => p.UnitKind == UnitKind.Department && p.UnitId == d),
            _ => query.Where(_ => false),
        };
    }

    /// <summary>Ticks a known person's 五知十会: the county manager; the person's township; the person's department.</summary>
    public bool Trains(KnownPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return IsCountyManager || (person.TownshipId != 0 && ActsForTownship(person.TownshipId)) ||
            (person.UnitKind == UnitKind.Department && ActsForDepartment(person.UnitId));
    }

    /// <summary>Organises this drill (records, closes, cancels): its organising township or department, or the county manager for a county drill.</summary>
    public bool Organises(Drill drill)
    {
        ArgumentNullException.ThrowIfNull(drill);
        return drill.TownshipId is { } township
            ? ActsForTownship(township)
            : IsCountyManager || (drill.DepartmentId is { } department && ActsForDepartment(department));
    }

    /// <summary>
    /// Who the user organises a drill as, and the units that may take part: the county's townships, villages and
    /// departments for a county post; a township itself and its villages for a township; null otherwise.
    /// </summary>
    public async Task<Organiser?> DrillOrganiserAsync(ICountyUnits units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (await OrganiserAsync(units, cancellationToken) is not { } organiser)
        {
            return null;
        }

        var villages = await units.VillagesAsync(County, cancellationToken);
        if (organiser.TownshipId is { } township)
        {
            var self = (await units.TownshipsAsync(County, cancellationToken)).Where(t => t.Id == township);
            return organiser with { TargetOptions = self.Concat(villages.Where(v => v.ParentId == township)).ToList() };
        }

        var departments = await units.DepartmentsAsync(County, cancellationToken);
        return organiser with { TargetOptions = organiser.TargetOptions.Concat(villages).Concat(departments).ToList() };
    }

    /// <summary>The certificates the user may see: all for the whole county; a township its own and its villages'; a village or department its own.</summary>
    public IQueryable<Certificate> Visible(IQueryable<Certificate> query)
    {
        var scope = Scope;
        if (scope.SeesWholeCounty)
        {
            return query;
        }

        return scope switch
        {
            { Level: UserScope.Township, TownshipId: { } t } => query.Where(c => c.TownshipId == t),
            { Level: UserScope.Village, VillageId: { } v } => query.Where(c => c.UnitKind == UnitKind.Village && c.UnitId == v),
            { Level: UserScope.Department, DepartmentId: { } d } => query.Where(c => c.UnitKind == UnitKind.Department && c.UnitId == d),
            _ => query.Where(_ => false),
        };
    }

    /// <summary>The units whose days owed the user sees: all for the whole county, a township itself and its villages, a village itself.</summary>
    public (bool Townships, int? Township, int? Village) OwedScope() => Scope switch
    {
        { SeesWholeCounty: true } => (true, null, null),
        { Level: UserScope.Township, TownshipId: { } t } => (true, t, null),
        { Level: UserScope.Village, TownshipId: { } t, VillageId: { } v } => (false, t, v),
        _ => (false, -1, -1),
    };
}

/// <summary>What the calendar of a user shows: the whole county, or a township's, village's or department's sessions and drills.</summary>
internal sealed record CalendarScope(bool WholeCounty, UserScope Level, int? TownshipId, int? VillageId, int? DepartmentId)
{
    public static CalendarScope From(UnitScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return new(scope.SeesWholeCounty, scope.Level, scope.TownshipId, scope.VillageId, scope.DepartmentId);
    }
}

/// <summary>Who organises a new session, and the units it may be for.</summary>
internal sealed record Organiser(int? TownshipId, int? DepartmentId, string Name, IReadOnlyList<UnitInfo> TargetOptions);
