using Autofac;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Public;

/// <summary>
/// 行政执法公示, without signing in: the published 行政处罚决定 (personal data masked: individuals' names, ID numbers,
/// phones) and the 双随机抽查结果 (一公开): the county's draws, newest first, each with its date, the unit that
/// drew, the enterprises drawn (names only) and the officers' names — nothing else (no codes, addresses, phones or
/// record). The address names its county, so the page works in a scope of its own for that county; a county that
/// does not exist or does not use the module is not found.
/// </summary>
[AllowAnonymous]
internal sealed class IndexModel(ILifetimeScope lifetimeScope, ICountyDirectory counties) : PageModel
{
    public string CountyName { get; private set; } = "";

    public IReadOnlyList<PublicDraw> Draws { get; private set; } = [];

    public IReadOnlyList<PublicDecision> Decisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string county, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(county) || await counties.FindAsync(county, cancellationToken) is not { } info || !info.MayUse(EnforcementModule.ModuleName))
        {
            return NotFound();
        }

        CountyName = info.Name;
        await using var scope = lifetimeScope.BeginLifetimeScope();
        scope.Resolve<ICountyContext>().Set(info.Code);
        var db = scope.Resolve<EnforcementDbContext>();
        var draws = await db.Draws.AsNoTracking().Include(d => d.Items)
            .OrderByDescending(d => d.DrawnAtUtc).ThenByDescending(d => d.Id).Take(100)
            .ToListAsync(cancellationToken);
        var decisions = await db.Cases.AsNoTracking().Where(c => c.PublishedOn != null)
            .OrderByDescending(c => c.DecidedOn).ThenByDescending(c => c.Id).Take(100)
            .ToListAsync(cancellationToken);
        Decisions = decisions.Select(c =>
        {
            var individual = c.PartyKind == PartyKind.Individual;
            var names = individual ? new[] { c.PartyName } : [];
            return new PublicDecision(
                c.DecisionNumber!,
                c.DecidedOn!.Value,
                c.UnitName,
                individual ? PublicMask.Name(c.PartyName) : c.PartyName,
                PublicMask.Text(c.Facts, names),
                Domain.Cases.Penalty(c));
        }).ToList();
        Draws = draws.Select(d => new PublicDraw(d.DrawnAtUtc, d.UnitName, d.Items.OrderBy(i => i.Position).Select(i => (i.TargetName, i.OfficerNames)).ToList())).ToList();
        return Page();
    }

    /// <summary>A published 行政处罚决定: number, date, unit, party (an individual masked), facts (personal data masked), penalty.</summary>
    internal sealed record PublicDecision(string Number, DateOnly DecidedOn, string UnitName, string Party, string Facts, string Penalty);

    internal sealed record PublicDraw(DateTime DrawnAtUtc, string UnitName, IReadOnlyList<(string Target, string Officers)> Items);
}
