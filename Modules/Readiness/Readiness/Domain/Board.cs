using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Readiness.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Readiness.Domain;

/// <summary>A scored unit as the pages show it: its row and its items parsed.</summary>
internal sealed record ScoredUnit(UnitScore Row, IReadOnlyList<ItemResult> Items)
{
    public ItemResult? Item(string code) => Items.FirstOrDefault(i => i.Code == code);

    public int Percent => Row.WithData == 0 ? 0 : (int)Math.Round(Row.Met * 100.0 / Row.WithData);
}

/// <summary>The leader's page: every township's row (one read of <see cref="UnitScore"/>), the trend, the items most often missing and the charts.</summary>
internal sealed record BoardView(
    IReadOnlyList<ScoredUnit> Townships,
    IReadOnlyList<(string Code, string Name, int Count)> MostMissing,
    IReadOnlyList<string> Months,
    IReadOnlyDictionary<(int Township, string Month), MonthlySnapshot> Trend,
    IReadOnlyList<(string Field, int Count)> ExpertsByField);

/// <summary>
/// The boards last read, per county (and township), until the county's readiness store is written or a minute passes:
/// the leader's page is read far more often than events arrive.
/// </summary>
internal sealed class BoardCache(StoreWrites writes, TimeProvider clock)
{
    public WriteVersionedCache<(string County, int? Township), BoardView> Views { get; } =
        new(k => writes.VersionOf(Store(k.County)), clock, TimeSpan.FromMinutes(1), 1000);

    /// <summary>Moves with every write to the county's readiness store.</summary>
    public long VersionOf(string county) => writes.VersionOf(Store(county));

    private static StoreKey Store(string county) => StoreKey.ForCounty(county, ReadinessModule.ModuleName);
}

/// <summary>Reads the leader's board and draws its small charts (server-rendered SVG, readable in a screenshot and in print).</summary>
internal sealed class Board(ReadinessDbContext db, ICountyContext county, BoardCache cache, TimeProvider clock)
{
    /// <summary>
    /// What the pages cache the board's rendered HTML under (the cache tag helper, for at most a minute): the county,
    /// the UI language and the version of its readiness store. Taken before the board is read, so a write in between
    /// leaves newer content under an older key, never the reverse.
    /// </summary>
    public string RenderKey() => string.Create(CultureInfo.InvariantCulture, $"{county.Required}|{CultureInfo.CurrentUICulture.Name}|{cache.VersionOf(county.Required)}");

    public ValueTask<BoardView> ReadAsync(int? township, CancellationToken cancellationToken) =>
        cache.Views.GetAsync((county.Required, township), ct => LoadAsync(township, ct), cancellationToken);

    private async Task<BoardView> LoadAsync(int? township, CancellationToken cancellationToken)
    {
        var query = db.Scores.AsNoTracking().Where(s => s.UnitKind == (int)UnitLevel.Township);
        if (township is { } t)
        {
            query = query.Where(s => s.UnitId == t);
        }

        var rows = (await query.OrderBy(s => s.UnitId).ToListAsync(cancellationToken)).Select(r => new ScoredUnit(r, ItemResult.Parse(r.Items))).ToList();
        var missing = rows.SelectMany(r => r.Items).Where(i => i.State == ItemState.NotMet && i.Code is not ("ten.mech" or "ten.plan"))
            .GroupBy(i => i.Code).Select(g => (g.Key, Items.Name(g.Key), g.Count()))
            .OrderByDescending(x => x.Item3).ThenBy(x => x.Key, StringComparer.Ordinal).Take(3).ToList();
        var now = BuildingBlocks.Clock.ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime);
        var months = Enumerable.Range(0, 6).Select(i => now.AddMonths(i - 5).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();
        var first = months[0];
        var snapshots = await db.Snapshots.AsNoTracking().Where(s => string.Compare(s.Month, first) >= 0).ToListAsync(cancellationToken);
        var experts = await db.ExpertFacts.AsNoTracking().Where(e => e.Active).Select(e => e.Fields).ToListAsync(cancellationToken);
        var byField = experts.SelectMany(f => f.Split('、', StringSplitOptions.RemoveEmptyEntries)).GroupBy(f => f)
            .Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).Take(10).ToList();
        return new BoardView(rows, missing, months, snapshots.ToDictionary(s => (s.TownshipId, s.Month)), byField);
    }

    /// <summary>
    /// A horizontal bar chart with two series per row (e.g. open and overdue hazards by township), values written
    /// beside the bars; plain SVG, colours with a legend, no script.
    /// </summary>
    public static string Bars(string title, IReadOnlyList<(string Label, int First, int Second)> rows, string firstName, string secondName)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var html = HtmlEncoder.Default;
        const int labelWidth = 130, barMax = 260, rowHeight = 30, top = 40;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => Math.Max(r.First, r.Second)));
        var height = top + (rows.Count * rowHeight) + 10;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{html.Encode(title)}\" width=\"460\" height=\"{height}\" viewBox=\"0 0 460 {height}\" font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"14\" font-weight=\"bold\">{html.Encode(title)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"22\" width=\"10\" height=\"10\" fill=\"#4e79a7\"/><text x=\"{labelWidth + 14}\" y=\"31\">{html.Encode(firstName)}</text>");
        var two = secondName.Length > 0;
        if (two)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth + 110}\" y=\"22\" width=\"10\" height=\"10\" fill=\"#e15759\"/><text x=\"{labelWidth + 124}\" y=\"31\">{html.Encode(secondName)}</text>");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (label, a, b) = rows[i];
            var y = top + (i * rowHeight);
            var wa = a * barMax / max;
            var wb = b * barMax / max;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 16}\">{html.Encode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 2}\" width=\"{wa}\" height=\"11\" fill=\"#4e79a7\"/><text x=\"{labelWidth + wa + 4}\" y=\"{y + 12}\">{a}</text>");
            if (two)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 14}\" width=\"{wb}\" height=\"11\" fill=\"#e15759\"/><text x=\"{labelWidth + wb + 4}\" y=\"{y + 24}\">{b}</text>");
            }

        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
