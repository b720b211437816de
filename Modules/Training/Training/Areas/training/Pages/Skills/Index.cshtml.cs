using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Areas.training.Pages.Skills;

/// <summary>
/// 五知十会: the known people of the user's units (team members, grid members) with how many of the 15 items each has,
/// per unit the people and those with all of them; filters by unit and role; Excel export.
/// </summary>
internal sealed class IndexModel(TrainingDbContext db, TrainingAccess access) : PageModel
{
    public const int MaxRows = 2000;

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    public IReadOnlyList<Line> People { get; private set; } = [];

    public IReadOnlyList<(string Key, string Name)> Units { get; private set; } = [];

    public IReadOnlyList<UnitCount> PerUnit { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var columns = new List<SheetColumn> { new("姓名", 10), new("单位", 16), new("身份分类", 8), new("队伍/网格", 20) };
        columns.AddRange(SkillItems.All.Select(i => new SheetColumn(i.Text, 8)));
        columns.Add(new SheetColumn("已具备项数", 10));
        var export = new SheetExport("五知十会", columns);
        foreach (var line in People)
        {
            var cells = new List<object?> { line.Person.Name, line.Person.UnitName, line.Person.Role, line.Person.Detail };
            cells.AddRange(SkillItems.All.Select(i => (object?)(line.Items.Contains(i.Number) ? "√" : "")));
            cells.Add(line.Items.Count);
            export.Add([.. cells]);
        }

        return export.ToFile("五知十会.xlsx");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var visible = access.Visible(db.KnownPeople.AsNoTracking()).Where(p => p.Active);
        var all = await visible.OrderBy(p => p.UnitName).ThenBy(p => p.Role).ThenBy(p => p.Name).Take(MaxRows).ToListAsync(cancellationToken);
        Units = all.Select(p => (KnownPeopleBook.UnitKey(p), p.UnitName)).Distinct().OrderBy(u => u.UnitName, StringComparer.Ordinal).ToList();
        var shown = all
            .Where(p => string.IsNullOrEmpty(Unit) || KnownPeopleBook.UnitKey(p) == Unit)
            .Where(p => string.IsNullOrEmpty(Role) || p.Role == Role)
            .ToList();
        var ids = shown.Select(p => p.Id).ToList();
        var ticks = await db.SkillTicks.AsNoTracking()
            .Where(t => t.KnownPersonId != null && ids.Contains(t.KnownPersonId.Value))
            .Select(t => new { t.KnownPersonId, t.Item })
            .ToListAsync(cancellationToken);
        var byPerson = ticks.GroupBy(t => t.KnownPersonId!.Value).ToDictionary(g => g.Key, g => g.Select(t => t.Item).ToHashSet());
        People = shown.Select(p => new Line(p, byPerson.GetValueOrDefault(p.Id) ?? [])).ToList();
        PerUnit = People.GroupBy(l => l.Person.UnitName)
            .Select(g => new UnitCount(g.Key, g.Count(), g.Count(l => l.Items.Count == SkillItems.Count), g.Sum(l => l.Items.Count)))
            .OrderBy(u => u.UnitName, StringComparer.Ordinal)
            .ToList();
    }

    internal sealed record Line(KnownPerson Person, HashSet<int> Items);

    internal sealed record UnitCount(string UnitName, int People, int Complete, int Ticks);
}
