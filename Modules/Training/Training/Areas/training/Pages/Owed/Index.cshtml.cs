using Emergency.BuildingBlocks.Clock;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Training.Areas.training.Pages.Owed;

/// <summary>
/// 年度培训完成情况: for every township (its yearly target) and village (theirs), the days planned, delivered and
/// still owed, and who is short. The county sees all; a township itself and its villages; a village itself.
/// </summary>
internal sealed class IndexModel(DaysOwed owed, TrainingAccess access, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }

    public IReadOnlyList<UnitOwed> Units { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        Year = year is >= 2000 and <= 2100 ? year.Value : ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime).Year;
        var (townships, township, village) = access.OwedScope();
        Units = township == -1 ? [] : await owed.ForYearAsync(access.County, Year, townships, township, village, cancellationToken);
    }
}
