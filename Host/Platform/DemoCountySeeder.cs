using Emergency.BuildingBlocks.Hosting;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Persistence;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Host.Access;
using Emergency.Host.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Platform;

/// <summary>Configuration section "Demo": the county seeded on a fresh data folder.</summary>
internal sealed class DemoOptions
{
    public bool Seed { get; set; } = true;

    public string CountyCode { get; set; } = "450999";

    public string CountyName { get; set; } = "青山县";

    /// <summary>Whether each module fills the new demo county with its own demo data (<see cref="ModuleDefinition.SeedDemoAsync"/>).</summary>
    public bool ModuleData { get; set; } = true;

    /// <summary>Password of every demo account; when empty each gets a one-time password printed once.</summary>
    public string? Password { get; set; }
}

/// <summary>An account the demo seeding made, with the password to print once; <paramref name="UnitKey"/> as <see cref="UnitInfo.Key"/>.</summary>
internal sealed record DemoAccount(string UserName, string Role, string Unit, string? UnitKey, string Password);

/// <summary>The demo county just created and its accounts.</summary>
internal sealed record DemoCounty(string Code, IReadOnlyList<DemoAccount> Accounts);

/// <summary>
/// On an empty platform store, creates the demo county 青山县: townships and villages with real-looking
/// codes, the departments of the expert recommendation table (seed 000), every module for the emergency
/// bureau, and one account per post. Then every module fills its store of the county with demo work.
/// </summary>
internal sealed class DemoCountySeeder(
    PlatformDbContext db, ModuleCatalog catalog, AccountService accounts, StoreCatalog stores, ICountyUnits units, TimeProvider clock)
{
    private static readonly (string Code, string Name, TownshipKind Kind, (string Code, string Name, VillageKind Kind)[] Villages)[] Tree =
    [
        ("001", "城关街道", TownshipKind.Subdistrict, [("001", "东门社区", VillageKind.Community), ("002", "西门社区", VillageKind.Community), ("003", "南街社区", VillageKind.Community)]),
        ("100", "青山镇", TownshipKind.Town, [("001", "青山社区", VillageKind.Community), ("201", "河口村", VillageKind.Village), ("202", "柳林村", VillageKind.Village), ("203", "松岭村", VillageKind.Village)]),
        ("200", "石门乡", TownshipKind.Township, [("201", "石门村", VillageKind.Village), ("202", "大坪村", VillageKind.Village), ("203", "龙潭村", VillageKind.Village)]),
        ("400", "青山工业园区管委会", TownshipKind.ParkCommittee, [("001", "园区社区", VillageKind.Community)]),
    ];

    private static readonly (string Name, DepartmentType Type)[] Departments =
    [
        ("应急管理局", DepartmentType.Emergency), ("水利局", DepartmentType.Sector), ("气象局", DepartmentType.Sector), ("地震局", DepartmentType.Sector),
        ("自然资源局", DepartmentType.Sector), ("农业农村局", DepartmentType.Sector), ("林业局", DepartmentType.Sector), ("消防救援大队", DepartmentType.Rescue),
        ("国网青山县供电公司", DepartmentType.Support), ("公安局", DepartmentType.Sector), ("交通运输局", DepartmentType.Sector), ("工业和信息化局", DepartmentType.Sector),
        ("市场监督管理局", DepartmentType.Sector), ("生态环境局", DepartmentType.Sector), ("住房和城乡建设局", DepartmentType.Sector), ("教育局", DepartmentType.Sector),
        ("卫生健康局", DepartmentType.Sector), ("畜牧兽医局", DepartmentType.Sector), ("县委宣传部", DepartmentType.Other), ("民族宗教事务局", DepartmentType.Sector),
        ("金融工作办公室", DepartmentType.Support), ("县委政法委（维稳办）", DepartmentType.Other),
    ];

    /// <summary>Creates the demo county on an empty platform store; null when there was nothing to do (not the first run).</summary>
    public async Task<DemoCounty?> SeedAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        if (!options.Seed || await db.Counties.AnyAsync(cancellationToken))
        {
            return null;
        }

        var code = options.CountyCode;
        var county = new County
        {
            Code = code,
            Name = options.CountyName,
            ContactName = "县应急管理局值班室",
            ContactPhone = "0771-1234567",
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Modules = catalog.Modules.Select(m => new CountyModule { Module = m.Name }).ToList(),
        };
        db.Counties.Add(county);
        foreach (var (townshipCode, name, kind, villages) in Tree)
        {
            db.Townships.Add(new Township
            {
                CountyCode = code,
                Code = code + townshipCode,
                Name = name,
                Kind = kind,
                Villages = villages.Select(v => new Village { CountyCode = code, Code = code + townshipCode + v.Code, Name = v.Name, Kind = v.Kind }).ToList(),
            });
        }

        foreach (var (name, type) in Departments)
        {
            db.Departments.Add(new Department
            {
                CountyCode = code,
                Name = name,
                Type = type,
                // The bureau uses everything; other departments (but 水利局, kept bare to show gating) use the modules most departments share.
                Modules = catalog.Modules
                    .Where(m => type == DepartmentType.Emergency || (m.UsedByMostDepartments && name != "水利局"))
                    .Select(m => new DepartmentModule { Module = m.Name })
                    .ToList(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DemoCounty(code, await SeedAccountsAsync(code, options.Password, cancellationToken));
    }

    /// <summary>
    /// Lets every module fill its store of the demo county just created (its stores migrated by then),
    /// so each demo account sees real work on its first sign-in.
    /// </summary>
    public async Task SeedModulesAsync(DemoCounty demo, DemoOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(demo);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.ModuleData)
        {
            return;
        }

        var townships = await units.TownshipsAsync(demo.Code, cancellationToken);
        var villages = await units.VillagesAsync(demo.Code, cancellationToken);
        var departments = await units.DepartmentsAsync(demo.Code, cancellationToken);
        var userNames = demo.Accounts
            .Where(a => a.UnitKey is not null)
            .GroupBy(a => a.UnitKey!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(a => a.UserName).ToList(), StringComparer.Ordinal);
        foreach (var module in catalog.Modules)
        {
            var key = StoreKey.ForCounty(demo.Code, module.Name);
            var departmentsUsing = await units.DepartmentsUsingAsync(demo.Code, module.Name, cancellationToken);
            var context = new DemoSeedContext(demo.Code, townships, villages, departments, departmentsUsing, userNames, clock, () => stores.Open(key));
            await module.SeedDemoAsync(context, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<DemoAccount>> SeedAccountsAsync(string county, string? password, CancellationToken cancellationToken)
    {
        var emergency = await db.Departments.SingleAsync(d => d.CountyCode == county && d.Type == DepartmentType.Emergency, cancellationToken);
        var water = await db.Departments.SingleAsync(d => d.CountyCode == county && d.Name == "水利局", cancellationToken);
        var township = await db.Townships.SingleAsync(t => t.CountyCode == county && t.Name == "青山镇", cancellationToken);
        var village = await db.Villages.SingleAsync(v => v.CountyCode == county && v.Name == "河口村", cancellationToken);
        var weather = await db.Departments.SingleAsync(d => d.CountyCode == county && d.Name == "气象局", cancellationToken);
        var plan = new (NewAccount Account, string Unit)[]
        {
            (new("security", "安全管理员", Roles.SecurityAdmin, null, null, null, null, "security@qingshan.example.cn", password), "平台"),
            (new("auditor", "审计管理员", Roles.AuditAdmin, null, null, null, null, "auditor@qingshan.example.cn", password), "平台"),
            (new("county-admin", "县应急管理局管理员", Roles.CountyAdmin, county, null, null, null, "county-admin@qingshan.example.cn", password), "青山县"),
            (new("leader", "县领导", Roles.CountyLeader, county, null, null, null, "leader@qingshan.example.cn", password), "青山县"),
            (new("yjj", "应急管理局值班员", Roles.DepartmentUser, county, emergency.Id, null, null, "yjj@qingshan.example.cn", password), emergency.Name),
            (new("slj", "水利局联络员", Roles.DepartmentUser, county, water.Id, null, null, "slj@qingshan.example.cn", password), water.Name),
            (new("qxj", "气象局联络员", Roles.DepartmentUser, county, weather.Id, null, null, "qxj@qingshan.example.cn", password), weather.Name),
            (new("qingshan", "青山镇应急办", Roles.TownshipUser, county, null, township.Id, null, "qingshan@qingshan.example.cn", password), township.Name),
            (new("hekou-grid", "河口村网格员", Roles.VillageUser, county, null, township.Id, village.Id, "hekou-grid@qingshan.example.cn", password), village.Name),
        };
        var made = new List<DemoAccount>();
        foreach (var (account, unit) in plan)
        {
            var result = await accounts.CreateAsync(account, cancellationToken);
            if (result.Succeeded)
            {
                made.Add(new DemoAccount(account.UserName, Roles.DisplayName(account.Role), unit, UnitKey(account), result.OneTimePassword ?? "（配置的 Demo:Password）"));
            }
        }

        return made;
    }

    /// <summary>Passwords are shown once, on the console of the first run, and never stored in clear.</summary>
    public static void PrintAccounts((string UserName, string? OneTimePassword)? admin, IReadOnlyList<DemoAccount>? demo)
    {
        if (admin is not null || demo is { Count: > 0 })
        {
            Console.WriteLine("[首次运行] 登录地址：http://localhost:5000/Account/Login");
        }

        if (admin is { } first)
        {
            Console.WriteLine(first.OneTimePassword is null
                ? $"[首次运行] 平台管理员账号：{first.UserName}（密码来自配置 Bootstrap:AdminPassword）"
                : $"[首次运行] 平台管理员账号：{first.UserName}  一次性密码：{first.OneTimePassword}  （首次登录须修改，本密码只显示这一次）");
        }

        if (demo is { Count: > 0 })
        {
            Console.WriteLine("[首次运行] 演示县账号（一次性密码只显示这一次，首次登录须修改）：");
            foreach (var account in demo)
            {
                Console.WriteLine($"  {account.UserName,-14} {account.Role,-14} {account.Unit,-12} {account.Password}");
            }
        }
    }

    private static string? UnitKey(NewAccount account) =>
        account.VillageId is { } village ? new UnitInfo(UnitKind.Village, village, "").Key
        : account.TownshipId is { } township ? new UnitInfo(UnitKind.Township, township, "").Key
        : account.DepartmentId is { } department ? new UnitInfo(UnitKind.Department, department, "").Key
        : null;
}
