using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Data;

namespace Emergency.Teams.Domain;

/// <summary>
/// Who sees and acts on which support request (一张网) and 镇企联动协议: the county (admin, leaders, emergency bureau)
/// sees all; a township its own requests and those it supplies; a department those it supplies; anyone else none
/// (404). A township asks and closes its own; the county managers assign; the supplying unit (or a county manager)
/// confirms or declines. Agreements: a township sees and keeps its own, the county sees all and the managers keep any.
/// </summary>
internal sealed class SupportAccess(IUserScope scopes, ICountyContext county) : ScopedAccess(scopes, county)
{
    public IQueryable<SupportRequest> Visible(IQueryable<SupportRequest> requests)
    {
        if (SeesWholeCounty)
        {
            return requests;
        }

        return Scope.Level switch
        {
            UserScope.Township when TownshipId is { } t => requests.Where(r => r.TownshipId == t || r.SupplierTownshipId == t),
            UserScope.Department when DepartmentId is { } d => requests.Where(r => r.SupplierDepartmentId == d),
            _ => requests.Where(r => false),
        };
    }

    public bool MaySee(SupportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SeesWholeCounty || Scope.Level switch
        {
            UserScope.Township => TownshipId is { } t && (request.TownshipId == t || request.SupplierTownshipId == t),
            UserScope.Department => DepartmentId is { } d && request.SupplierDepartmentId == d,
            _ => false,
        };
    }

    /// <summary>Asks the county for support (the township's own writing users), or enters it on a township's behalf (the county managers).</summary>
    public bool MayRequest => (CanWrite && Scope.Level == UserScope.Township && TownshipId is not null) || IsCountyManager;

    /// <summary>Enters a request on a township's behalf (代为申请, e.g. when the township phoned it in).</summary>
    public bool RequestsOnBehalf => IsCountyManager && Scope.Level != UserScope.Township;

    /// <summary>The requesting township's own writing users, or the county managers for a request they entered on its behalf.</summary>
    public bool IsRequester(SupportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (CanWrite && Scope.Level == UserScope.Township && TownshipId == request.TownshipId) || (request.OnBehalf && IsCountyManager);
    }

    public bool MayAssign => IsCountyManager;

    public bool IsSupplier(SupportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IsCountyManager || (CanWrite && Scope.Level switch
        {
            UserScope.Township => TownshipId is { } t && request.SupplierTownshipId == t,
            UserScope.Department => DepartmentId is { } d && request.SupplierDepartmentId == d,
            _ => false,
        });
    }

    public IQueryable<Agreement> Visible(IQueryable<Agreement> agreements) =>
        SeesWholeCounty ? agreements
        : Scope.Level == UserScope.Township && TownshipId is { } t ? agreements.Where(a => a.TownshipId == t)
        : agreements.Where(a => false);

    public bool MaySee(Agreement agreement) =>
        SeesWholeCounty || (Scope.Level == UserScope.Township && TownshipId == agreement.TownshipId);

    public bool MayManage(Agreement agreement) =>
        IsCountyManager || (CanWrite && Scope.Level == UserScope.Township && TownshipId == agreement.TownshipId);

    /// <summary>Keeps agreements at all (the 新建协议 button).</summary>
    public bool ManagesAgreements => IsCountyManager || (CanWrite && Scope.Level == UserScope.Township && TownshipId is not null);

    /// <summary>The townships the user may keep an agreement for.</summary>
    public IReadOnlyList<UnitInfo> AgreementOwners(IReadOnlyList<UnitInfo> townships) =>
        IsCountyManager ? townships
        : CanWrite && Scope.Level == UserScope.Township ? townships.Where(t => t.Id == TownshipId).ToList()
        : [];
}
