using Emergency.BuildingBlocks.Tenancy;
using Emergency.Plans.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Plans.Domain;

/// <summary>A problem beside a field (empty field: the whole form), in Chinese.</summary>
internal sealed record Problem(string Field, string Message);

/// <summary>A plan as posted: owner key "county", "department:5", "township:3" or "village:7".</summary>
internal sealed record NewPlan(string? Title, PlanType? Type, SpecialCategory? Category, string? OwnerKey, string? EnterpriseName, string? Risks, int? HigherPlanId);

/// <summary>
/// The registry's rules: each type belongs to one level of owner (county government, department, township —
/// also for the enterprises in it —, village); 专项预案 name their category, enterprise plans their enterprise;
/// every plan but the county 总体预案 names its higher plan (下位衔接上位), which must be a plan of the same or a
/// higher level the user can see. Registering is one SaveChanges; a refused plan writes nothing.
/// </summary>
internal sealed class Registry(PlansDbContext db, PlansAccess access, TimeProvider clock)
{
    /// <summary>The plans every township must hold by the county's date: its 综合预案 and these seven 专项 (seed 004 13).</summary>
    public static readonly IReadOnlyList<SpecialCategory> TownshipSpecials =
        [.. Contracts.TownshipPlans.RequiredSpecials.Select(c => Enum.Parse<SpecialCategory>(c.Category))];

    public static OwnerLevel LevelOf(PlanType type) => type switch
    {
        PlanType.CountyGeneral or PlanType.CountySpecial => OwnerLevel.County,
        PlanType.Department => OwnerLevel.Department,
        PlanType.VillageCombined => OwnerLevel.Village,
        _ => OwnerLevel.Township,
    };

    public static bool IsSpecial(PlanType type) => type is PlanType.CountySpecial or PlanType.TownshipSpecial;

    public static bool IsEnterprise(PlanType type) => type is PlanType.EnterpriseGeneral or PlanType.EnterpriseSpecial or PlanType.EnterpriseOnSite;

    /// <summary>Checks and registers the plan; the problems beside their fields when refused (nothing written).</summary>
    public async Task<(Plan? Plan, IReadOnlyList<Problem> Problems)> CreateAsync(NewPlan input, OwnerOptions options, string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<Problem>();
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            problems.Add(new(prefix + "Title", "请填写预案名称"));
        }
        else if (title.Length > 200)
        {
            problems.Add(new(prefix + "Title", "预案名称不能超过 200 个字"));
        }

        if (input.Type is not { } type || !Enum.IsDefined(type))
        {
            problems.Add(new(prefix + "Type", "请选择预案类型"));
            return (null, problems);
        }

        var level = LevelOf(type);
        var category = IsSpecial(type) ? input.Category : null;
        if (IsSpecial(type) && (category is not { } c || !Enum.IsDefined(c)))
        {
            problems.Add(new(prefix + "Category", "专项预案请选择专项类别"));
        }

        var enterprise = IsEnterprise(type) ? input.EnterpriseName?.Trim() ?? "" : "";
        if (IsEnterprise(type) && enterprise.Length == 0)
        {
            problems.Add(new(prefix + "EnterpriseName", "企业预案请填写企业名称"));
        }
        else if (enterprise.Length > 200)
        {
            problems.Add(new(prefix + "EnterpriseName", "企业名称不能超过 200 个字"));
        }

        var risks = input.Risks?.Trim() ?? "";
        if (risks.Length > 2000)
        {
            problems.Add(new(prefix + "Risks", "涵盖的风险不能超过 2000 个字"));
        }

        var plan = new Plan { Title = title, Type = type, Category = category, OwnerLevel = level, EnterpriseName = enterprise, Risks = risks };
        if (!SetOwner(plan, input.OwnerKey, options))
        {
            problems.Add(new(prefix + "OwnerKey", level switch
            {
                OwnerLevel.County => "只有县应急管理局可以登记县政府的总体预案和专项预案",
                OwnerLevel.Department => "请选择编制预案的部门（只能选择本单位）",
                OwnerLevel.Township => "请选择编制预案的乡镇（企业预案选择企业所在乡镇；只能选择本单位）",
                _ => "请选择编制方案的村（社区）（只能选择本单位或本乡镇的村）",
            }));
        }

        if (type == PlanType.CountyGeneral)
        {
            if (await db.Plans.AnyAsync(p => p.Type == PlanType.CountyGeneral && p.Status != PlanStatus.Abolished, cancellationToken))
            {
                problems.Add(new(prefix + "Type", "本县已登记总体应急预案，请在原预案上修订（上传新版本）"));
            }
        }
        else if (input.HigherPlanId is not { } higherId)
        {
            problems.Add(new(prefix + "HigherPlanId", "请选择上位预案：除县总体应急预案外，每个预案都必须衔接上位预案"));
        }
        else if (await access.Visible(db.Plans.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == higherId, cancellationToken) is not { } higher)
        {
            problems.Add(new(prefix + "HigherPlanId", "所选上位预案不存在"));
        }
        else if (higher.Status == PlanStatus.Abolished)
        {
            problems.Add(new(prefix + "HigherPlanId", "所选上位预案已废止"));
        }
        else if (higher.OwnerLevel > level || (higher.OwnerLevel == level && !IsGeneral(higher.Type)))
        {
            problems.Add(new(prefix + "HigherPlanId", "上位预案应为上级或本级的总体（综合）预案、上级专项或部门预案"));
        }
        else
        {
            plan.HigherPlanId = higher.Id;
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        plan.Status = PlanStatus.Drafting;
        plan.CreatedBy = access.UserName;
        plan.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return (plan, []);
    }

    /// <summary>A 总体 or 综合 plan (others of the same level may link to it).</summary>
    public static bool IsGeneral(PlanType type) => type is PlanType.CountyGeneral or PlanType.TownshipGeneral or PlanType.EnterpriseGeneral;

    private static bool SetOwner(Plan plan, string? key, OwnerOptions options)
    {
        if (plan.OwnerLevel == OwnerLevel.County)
        {
            plan.OwnerName = "县人民政府";
            return options.County;
        }

        var parts = (key ?? "").Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        UnitInfo? unit = (plan.OwnerLevel, parts[0]) switch
        {
            (OwnerLevel.Department, "department") => options.Departments.FirstOrDefault(d => d.Id == id),
            (OwnerLevel.Township, "township") => options.Townships.FirstOrDefault(t => t.Id == id),
            (OwnerLevel.Village, "village") => options.Villages.FirstOrDefault(v => v.Id == id),
            _ => null,
        };
        if (unit is null)
        {
            return false;
        }

        plan.OwnerName = unit.Name;
        switch (plan.OwnerLevel)
        {
            case OwnerLevel.Department:
                plan.DepartmentId = unit.Id;
                break;
            case OwnerLevel.Township:
                plan.TownshipId = unit.Id;
                break;
            default:
                plan.VillageId = unit.Id;
                plan.TownshipId = unit.ParentId;
                break;
        }

        return true;
    }
}
