using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Settings;
using Emergency.Plans.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Plans.Areas.plans.Pages;

/// <summary>乡镇预案缺项: per township, the 综合预案 and seven 专项 it still lacks, and the county's date for them; a township sees its own.</summary>
internal sealed class LacksModel(PlansAccess access, Lacks lacks, ICountySettings settings, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TownshipLack> Rows { get; private set; } = [];

    public DateOnly Due { get; private set; }

    public bool PastDue { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        Due = Lacks.DueDate(await settings.GetAsync(PlansModule.TownshipPlansDate, cancellationToken), today.Year);
        PastDue = today > Due;
        var scope = access.Scope;
        int? township = scope.SeesWholeCounty ? null : scope.TownshipId ?? -1;
        if (!scope.SeesWholeCounty && scope.Level != UserScope.Township)
        {
            township = -1;
        }

        Rows = await lacks.ForCountyAsync(access.County, township, cancellationToken);
    }
}
