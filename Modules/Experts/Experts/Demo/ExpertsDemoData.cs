using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Demo;

/// <summary>
/// The demo county's expert work (the fields are the seed's): twelve experts of the county team across
/// the four categories, admitted last year with certificates and terms by the county's rules; a
/// recommendation round open for two more weeks inviting the departments and townships, with one
/// 推荐表 already sent in by 气象局; and a 会商会 in a few days with invited experts.
/// </summary>
internal static class ExpertsDemoData
{
    private const string Bureau = "yjj";

    private static readonly (string Name, Gender Gender, string Born, string Employer, string Department, string Title, string Specialty, string Field, string Email)[] People =
    [
        ("覃永明", Gender.Male, "19720315", "青山县水利局", "水利局", "高级工程师", "水利水电工程、防汛调度", "水旱灾害", "qinyongming"),
        ("黄丽华", Gender.Female, "19780722", "青山县气象局", "气象局", "高级工程师", "天气预报与灾害性天气预警", "气象灾害", "huanglihua"),
        ("韦国强", Gender.Male, "19691108", "青山县地震局", "地震局", "高级工程师", "地震监测与震情分析", "地震灾害", "weiguoqiang"),
        ("李建平", Gender.Male, "19750530", "青山县自然资源局", "自然资源局", "高级工程师", "地质灾害调查与防治", "地质灾害", "lijianping"),
        ("莫春兰", Gender.Female, "19800912", "青山县林业局", "林业局", "林业高级工程师", "森林防火与扑救指挥", "森林草原火灾", "mochunlan"),
        ("陈志远", Gender.Male, "19710125", "青山化工有限公司", "应急管理局", "高级工程师（注册安全工程师）", "化工工艺安全、危化品事故处置", "危险化学品", "chenzhiyuan"),
        ("刘海涛", Gender.Male, "19760418", "青山县消防救援大队", "消防救援大队", "高级专业技术职务", "火灾调查与灭火救援", "消防安全", "liuhaitao"),
        ("杨文军", Gender.Male, "19741203", "国网青山县供电公司", "国网青山县供电公司", "高级工程师", "电力系统运行与抢修", "供电", "yangwenjun"),
        ("周晓燕", Gender.Female, "19820627", "青山县人民医院", "卫生健康局", "副主任医师", "急诊医学、传染病防治", "传染病及动物疫情", "zhouxiaoyan"),
        ("吴德胜", Gender.Male, "19680809", "青山县特种设备检验所", "市场监督管理局", "高级工程师", "锅炉压力容器与起重机械检验", "特种设备", "wudesheng"),
        ("赵敏", Gender.Female, "19791021", "青山县疾病预防控制中心", "市场监督管理局", "副主任医师", "食品卫生与食物中毒调查", "食品药品安全", "zhaomin"),
        ("梁振华", Gender.Male, "19730214", "青山县公安局", "公安局", "一级警长（高级工程师）", "网络安全与电子数据取证", "网络与信息安全", "liangzhenhua"),
    ];

    public static async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        await using var db = context.OpenStore<ExpertsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var fields = await db.Fields.AsNoTracking().ToDictionaryAsync(f => f.Name, f => f.Id, StringComparer.Ordinal, cancellationToken);
        UnitInfo? Department(string name) => context.Departments.FirstOrDefault(d => d.Name == name);

        // Admitted fourteen months ago for a term of the county's length (no county has changed it yet).
        var termStart = today.AddMonths(-14);
        var termYears = ExpertsModule.TermYears.Default;
        var experts = People.Select((p, i) =>
        {
            var department = Department(p.Department);
            return new Expert
            {
                Name = p.Name,
                Gender = p.Gender,
                BirthDate = DateOnly.ParseExact(p.Born, "yyyyMMdd", CultureInfo.InvariantCulture),
                IdCardNumber = IdCard.WithCheckCharacter(string.Concat(context.County, p.Born, (101 + (i * 2) + (p.Gender == Gender.Male ? 0 : 1)).ToString("D3", CultureInfo.InvariantCulture))),
                Employer = p.Employer,
                Title = p.Title,
                Specialty = p.Specialty,
                Mobile = string.Create(CultureInfo.InvariantCulture, $"1397712{i + 1:D4}"),
                Email = $"{p.Email}@expert.example.cn",
                EmployerEmail = $"office{i + 1}@qingshan.example.cn",
                Level = ExpertTeamLevel.County,
                DepartmentId = department?.Id,
                DepartmentName = department?.Name,
                CertificateNumber = string.Create(CultureInfo.InvariantCulture, $"{context.County}-ZJ-{termStart.Year}-{i + 1:D4}"),
                TermStart = termStart,
                TermEnd = termStart.AddYears(termYears).AddDays(-1),
                Status = ExpertStatus.Active,
                CreatedAtUtc = ChinaTime.ToUtc(termStart.ToDateTime(new TimeOnly(10, 0))),
                Fields = fields.TryGetValue(p.Field, out var field) ? [new ExpertField { FieldId = field }] : [],
            };
        }).ToList();
        db.Experts.AddRange(experts);

        var invited = context.DepartmentsUsing.Concat(context.Townships).ToList();
        var deadline = ChinaTime.ToUtc(today.AddDays(14).ToDateTime(new TimeOnly(17, 30)));
        var round = new RecommendationRound
        {
            Title = $"{today.Year}年度县政府应急管理专家推荐",
            Notes = "请各单位按推荐分工推荐本领域专家，每个单位不超过规定名额，填写推荐表并加盖单位公章。",
            DeadlineUtc = deadline,
            FilingDeadlineUtc = deadline.AddDays(5),
            Status = RoundStatus.Open,
            CreatedAtUtc = now.AddDays(-3),
            CreatedBy = Bureau,
            Units = invited.Select(u => new RoundUnit { UnitKey = u.Key, UnitName = u.Name }).ToList(),
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);

        if (Department("气象局") is { } weather && fields.TryGetValue("气象灾害", out var weatherField))
        {
            db.Recommendations.Add(new Recommendation
            {
                RoundId = round.Id,
                UnitKey = weather.Key,
                UnitName = weather.Name,
                Level = ExpertTeamLevel.County,
                Name = "蒙秋菊",
                Gender = Gender.Female,
                BirthDate = new DateOnly(1981, 4, 16),
                IdCardNumber = IdCard.WithCheckCharacter(context.County + "19810416" + "228"),
                Employer = "青山县气象台",
                Title = "高级工程师",
                Specialty = "短时临近预报、强对流天气预警",
                FieldId = weatherField,
                Mobile = "13977130016",
                Email = "mengqiuju@expert.example.cn",
                Experience = "从事天气预报工作 18 年，主持县级强对流天气预警业务建设，多次参与暴雨洪涝、冰冻灾害气象保障。",
                UnitOpinion = "该同志政治可靠、业务精湛，同意推荐。",
                Status = RecommendationStatus.Submitted,
                SubmittedBy = context.UserNamesOf(weather).FirstOrDefault() ?? weather.Name,
                SubmittedAtUtc = now.AddDays(-1),
            });
        }

        var bureau = context.EmergencyBureau;
        db.Meetings.Add(new Meeting
        {
            Kind = MeetingKind.Consultation,
            Topic = "入汛前地质灾害和山洪风险形势会商",
            StartsAtUtc = ChinaTime.ToUtc(today.AddDays(3).ToDateTime(new TimeOnly(9, 30))),
            Place = "县应急指挥中心三楼会商室",
            DepartmentId = bureau.Id,
            DepartmentName = bureau.Name,
            Status = MeetingStatus.Planned,
            CreatedBy = Bureau,
            CreatedAtUtc = now.AddDays(-1),
            Invitations = experts.Where(e => e.Fields.Count > 0 && e.Fields[0].FieldId is var f &&
                    (f == fields.GetValueOrDefault("水旱灾害") || f == fields.GetValueOrDefault("气象灾害") || f == fields.GetValueOrDefault("地质灾害") || f == fields.GetValueOrDefault("地震灾害")))
                .Select(e => new MeetingInvitation { ExpertId = e.Id })
                .ToList(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
