using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Contracts;
using Emergency.Teams.Contracts;
using Emergency.Training.Data;
using Emergency.Training.Domain;

namespace Emergency.Training.Integration;

/// <summary>A team member joined: known to Training as an active 队员 of the team's owner unit.</summary>
internal sealed class TeamMemberJoinedHandler(KnownPeopleBook book) : IIntegrationEventHandler<TeamMemberJoined>
{
    public Task HandleAsync(TeamMemberJoined integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        var (kind, id) = KnownPeopleBook.TeamUnit(e.TownshipId, e.VillageId, e.DepartmentId);
        return book.RecordAsync(new PersonNews(KnownPerson.FromTeams, e.MemberId, e.Name, e.IdCard, e.Mobile, kind, id, KnownPeopleBook.TeamMember, e.TeamName, Active: true), cancellationToken);
    }
}

/// <summary>A team member left: kept, no longer active (not offered for invitation).</summary>
internal sealed class TeamMemberLeftHandler(KnownPeopleBook book) : IIntegrationEventHandler<TeamMemberLeft>
{
    public Task HandleAsync(TeamMemberLeft integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        var (kind, id) = KnownPeopleBook.TeamUnit(e.TownshipId, e.VillageId, e.DepartmentId);
        return book.RecordAsync(new PersonNews(KnownPerson.FromTeams, e.MemberId, e.Name, e.IdCard, e.Mobile, kind, id, KnownPeopleBook.TeamMember, e.TeamName, Active: false), cancellationToken);
    }
}

/// <summary>A team member's name, mobile or ID card was corrected in Teams: the read copy follows, active or not as Teams says.</summary>
internal sealed class TeamMemberUpdatedHandler(KnownPeopleBook book) : IIntegrationEventHandler<TeamMemberUpdated>
{
    public Task HandleAsync(TeamMemberUpdated integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        var (kind, id) = KnownPeopleBook.TeamUnit(e.TownshipId, e.VillageId, e.DepartmentId);
        return book.RecordAsync(new PersonNews(KnownPerson.FromTeams, e.MemberId, e.Name, e.IdCard, e.Mobile, kind, id, KnownPeopleBook.TeamMember, e.TeamName, e.Active), cancellationToken);
    }
}

/// <summary>A grid member was assigned: known as an active 网格员 of the village.</summary>
internal sealed class GridMemberAssignedHandler(KnownPeopleBook book) : IIntegrationEventHandler<GridMemberAssigned>
{
    public Task HandleAsync(GridMemberAssigned integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        return book.RecordAsync(new PersonNews(KnownPerson.FromGrid, e.MemberId, e.Name, e.IdCard, e.Mobile, UnitKind.Village, e.VillageId, KnownPeopleBook.GridMember, e.GridName, Active: true), cancellationToken);
    }
}

/// <summary>A grid member was deactivated: no longer active.</summary>
internal sealed class GridMemberDeactivatedHandler(KnownPeopleBook book) : IIntegrationEventHandler<GridMemberDeactivated>
{
    public Task HandleAsync(GridMemberDeactivated integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        return book.RecordAsync(new PersonNews(KnownPerson.FromGrid, e.MemberId, e.Name, e.IdCard, e.Mobile, UnitKind.Village, e.VillageId, KnownPeopleBook.GridMember, e.GridName, Active: false), cancellationToken);
    }
}

/// <summary>A grid member was re-activated: active again.</summary>
internal sealed class GridMemberReactivatedHandler(KnownPeopleBook book) : IIntegrationEventHandler<GridMemberReactivated>
{
    public Task HandleAsync(GridMemberReactivated integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        return book.RecordAsync(new PersonNews(KnownPerson.FromGrid, e.MemberId, e.Name, e.IdCard, e.Mobile, UnitKind.Village, e.VillageId, KnownPeopleBook.GridMember, e.GridName, Active: true), cancellationToken);
    }
}
