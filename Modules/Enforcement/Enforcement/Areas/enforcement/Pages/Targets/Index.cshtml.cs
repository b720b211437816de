using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Targets;

/// <summary>执法对象名录库: the enterprises the user sees, filtered (township, risk class, 重点/一般, jurisdiction, name or code), 20 a page, and their Excel export.</summary>
internal sealed class IndexModel(EnforcementDbContext db, EnforcementAccess access, ICountyUnits units) : PageModel
{
    public const int PageSize = 20;

    /// <summary>The export's columns, the same as the import's.</summary>
    public static readonly string[] Columns = ["企业名称", "统一社会信用代码", "地址", "乡镇", "行业", "风险等级", "标准化等级", "信用等级", "重点/一般", "管辖", "联系电话"];

    public IReadOnlyList<Target> Targets { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    [BindProperty(SupportsGet = true)]
    public int? Township { get; set; }

    [BindProperty(SupportsGet = true)]
    public RiskClass? Risk { get; set; }

    /// <summary>"key" (重点) or "general" (一般); empty for both.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>"county" (县应急管理局) or "township" (委托乡镇); empty for both.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Jurisdiction { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Townships = await units.TownshipsAsync(access.County, cancellationToken);
        var query = Filtered();
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Targets = await query.OrderBy(t => t.TownshipName).ThenBy(t => t.Name).ThenBy(t => t.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var rows = await Filtered().OrderBy(t => t.TownshipName).ThenBy(t => t.Name).ThenBy(t => t.Id).Take(20000).ToListAsync(cancellationToken);
        var sheet = new SheetExport("执法对象名录库", Columns.Select(c => new SheetColumn(c, c is "企业名称" or "地址" ? 32 : 16)).ToList());
        foreach (var t in rows)
        {
            sheet.Add(t.Name, t.CreditCode, t.Address, t.TownshipName, t.Industry, Labels.Risk(t.Risk), Labels.Standard(t.Standard), Labels.Credit(t.Credit),
                Labels.Kind(t.IsKey), t.JurisdictionTownshipId is null ? Labels.County : "乡镇", t.ContactMobile ?? "");
        }

        return sheet.ToFile("执法对象名录库.xlsx");
    }

    public string JurisdictionOf(Target target) => Labels.Jurisdiction(target, target.TownshipName);

    private IQueryable<Target> Filtered()
    {
        var query = access.Visible(db.Targets.AsNoTracking());
        if (Township is { } township)
        {
            query = query.Where(t => t.TownshipId == township);
        }

        if (Risk is { } risk)
        {
            query = query.Where(t => t.Risk == risk);
        }

        query = Kind switch
        {
            "key" => query.Where(t => t.IsKey),
            "general" => query.Where(t => !t.IsKey),
            _ => query,
        };
        query = Jurisdiction switch
        {
            "county" => query.Where(t => t.JurisdictionTownshipId == null),
            "township" => query.Where(t => t.JurisdictionTownshipId != null),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            var code = q.ToUpperInvariant();
            query = query.Where(t => t.Name.Contains(q) || t.CreditCode == code);
        }

        return query;
    }

    /// <summary>The filter of this page with page <paramref name="page"/>.</summary>
    public Dictionary<string, string> Route(int page)
    {
        var route = new Dictionary<string, string> { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (Township is { } township)
        {
            route["Township"] = township.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Risk is { } risk)
        {
            route["Risk"] = risk.ToString();
        }

        foreach (var (key, value) in new[] { ("Kind", Kind), ("Jurisdiction", Jurisdiction), ("Q", Q) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                route[key] = value;
            }
        }

        return route;
    }
}
