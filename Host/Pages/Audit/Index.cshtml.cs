using Emergency.BuildingBlocks.Auditing;
using Emergency.BuildingBlocks.Auditing.Data;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Persistence;
using Emergency.Host.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Emergency.Host.Pages.Audit;

/// <summary>
/// The audit log, for the audit admin only: who did what, when, in which county and module, and
/// whether it succeeded. Read-only: nothing here changes or removes an entry.
/// </summary>
internal sealed class IndexModel(StoreCatalog stores, PlatformDbContext platform, IStringLocalizer<CountyText> text) : PageModel
{
    private const int PageSize = 50;

    /// <summary>From (China time, inclusive).</summary>
    [BindProperty(SupportsGet = true)]
    public DateTime? From { get; set; }

    /// <summary>To (China time, the whole minute included).</summary>
    [BindProperty(SupportsGet = true)]
    public DateTime? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? County { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Module { get; set; }

    [BindProperty(SupportsGet = true, Name = "act")]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public bool HasNext { get; private set; }

    public IReadOnlyDictionary<string, string> Counties { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Modules { get; private set; } = [];

    public static IReadOnlyList<string> Actions { get; } = ["登录", "新增", "修改", "删除"];

    public static IReadOnlyList<string> Outcomes { get; } = [AuditLog.Success, AuditLog.Failure];

    /// <summary>The query string of the current filter, for the paging links.</summary>
    public Dictionary<string, string> Filter(int page)
    {
        var values = new Dictionary<string, string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values[key] = value;
            }
        }

        Add("from", From?.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Add("user", UserName);
        Add("county", County);
        Add("module", Module);
        Add("act", ActionName);
        Add("outcome", Outcome);
        Add("p", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return values;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        Counties = await platform.Counties.AsNoTracking().OrderBy(c => c.Code).ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        Modules = stores.Registrations.Select(r => r.Name).Append("accounts").Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var key in ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList())
        {
            // A time that is not a time: say so beside the field instead of the framework's English.
            ModelState[key]!.Errors.Clear();
            ModelState.AddModelError(key, text["BadTime"]);
        }

        if (From is { } from && To is { } to && from > to)
        {
            ModelState.AddModelError(nameof(To), text["ToBeforeFrom"]);
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        await using var audit = (AuditDbContext)stores.Open(StoreKey.Platform(AuditDbContext.StoreName));
        var query = audit.Entries.AsNoTracking();
        if (From is { } start)
        {
            var utc = ChinaTime.ToUtc(start);
            query = query.Where(e => e.AtUtc >= utc);
        }

        if (To is { } end)
        {
            var utc = ChinaTime.ToUtc(end).AddMinutes(1);
            query = query.Where(e => e.AtUtc < utc);
        }

        if (!string.IsNullOrWhiteSpace(UserName))
        {
            var user = UserName.Trim();
            query = query.Where(e => e.UserName == user);
        }

        if (!string.IsNullOrWhiteSpace(County))
        {
            query = County == "-" ? query.Where(e => e.County == null) : query.Where(e => e.County == County);
        }

        if (!string.IsNullOrWhiteSpace(Module))
        {
            query = query.Where(e => e.Module == Module);
        }

        if (!string.IsNullOrWhiteSpace(ActionName))
        {
            query = query.Where(e => e.Action == ActionName);
        }

        if (!string.IsNullOrWhiteSpace(Outcome))
        {
            query = query.Where(e => e.Outcome == Outcome);
        }

        Total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasNext = page.Count > PageSize;
        Entries = page.Take(PageSize).ToList();
    }
}
