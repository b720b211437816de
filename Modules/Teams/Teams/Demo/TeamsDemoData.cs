using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Contracts;
using Emergency.Teams.Data;

namespace Emergency.Teams.Demo;

/// <summary>
/// The demo county's rescue teams: 青山镇's comprehensive team with 26 members (under the default minimum of 30,
/// so it is flagged and on the township's 我的待办), 河口村's team with 8 (under 10), the fire service's
/// professional team, an enterprise team in the industrial park and a volunteer team filed with the emergency
/// bureau. Members have valid ID card numbers; one militiaman of 河口村 is also in the township's team, so the
/// two-team warning shows.
/// </summary>
internal static class TeamsDemoData
{
    private static readonly string[] Surnames = ["韦", "覃", "黄", "莫", "蒙", "陆", "梁", "李", "蓝", "潘", "罗", "农", "卢", "廖", "谢", "陈"];

    private static readonly string[] GivenNames =
    [
        "建国", "志强", "海军", "文斌", "春生", "桂林", "永福", "德明", "晓东", "国庆", "少华", "金宝", "世平", "立新", "明辉", "家旺",
        "秋菊", "丽萍", "美玲", "春燕", "小兵", "宏伟", "振宇", "俊杰", "光荣", "冬梅", "玉兰", "朝阳", "红军", "树林",
    ];

    private static readonly MemberSource[] TownshipSources =
        [MemberSource.Militia, MemberSource.Police, MemberSource.Medical, MemberSource.FireStation, MemberSource.Reserve, MemberSource.Property, MemberSource.Enterprise, MemberSource.Volunteer];

    private static readonly MemberSource[] VillageSources = [MemberSource.Militia, MemberSource.GridMember, MemberSource.Volunteer, MemberSource.Medical, MemberSource.Reserve];

    private static readonly string[] Skills = ["水上救援", "驾驶冲锋舟", "心肺复苏、止血包扎", "油锯破拆", "绳索救援", "灭火器材操作", "山地搜救", "通信保障", "无人机侦察", "人员转移引导"];

    public static async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        await using var db = context.OpenStore<TeamsDbContext>();
        var serial = 0;
        var qingshan = context.Township("青山镇");
        var hekou = context.Village("河口村");
        var fire = context.Departments.FirstOrDefault(d => d.Name == "消防救援大队") ?? context.EmergencyBureau;
        var park = context.Townships.FirstOrDefault(t => t.Name == "青山工业园区管委会") ?? qingshan;

        var township = Team(TeamKind.Township, qingshan, "青山镇应急救援队", "", "韦建华", "13907710101",
            "青山镇全域，重点为河口村、柳林村沿河低洼地带和松岭村林区",
            "生产安全事故、火灾、洪涝、地质灾害等突发事件的先期处置，受困群众救援和受威胁群众转移撤离，协助专业队伍开展综合救援。",
            "接镇应急指挥部指令后 30 分钟内集结；队长带队赶赴现场，先期处置并报告镇应急办；专业队伍到达后移交指挥，配合做好警戒、转移和后勤。");
        var village = Team(TeamKind.Village, hekou, "河口村应急救援分队", "", "覃德明", "13907710202",
            "河口村各村民小组，重点为河堤沿线和三组后山",
            "汛期巡堤查险，山洪和地质灾害预警后组织群众转移撤离，火情初期扑救，协助镇救援队开展救援。",
            "接到预警或险情报告后 15 分钟内集结于村委会；分片通知转移，清点人数后报告镇应急办。");
        var professional = Team(TeamKind.CountyProfessional, fire, "青山县消防救援大队应急救援专业队", "", "刘海涛", "13907710303",
            "全县", "火灾扑救、抢险救援、危险化学品事故处置，支援各乡镇综合救援。",
            "执行 119 指挥中心调度，接警后 1 分钟内出动；到场后统一指挥先期到达的乡镇、村级队伍。");
        var enterprise = Team(TeamKind.Enterprise, park, "青山水泥有限公司专职救援队", "青山水泥有限公司", "黄志远", "13907710404",
            "青山工业园区及周边企业", "厂区火灾、粉尘爆炸、有限空间和机械伤害事故的先期处置，按镇企联动协议支援园区救援。",
            "厂区事故报警后 5 分钟内出动；园区管委会调用时 20 分钟内到达。");
        var volunteers = Team(TeamKind.Volunteer, context.EmergencyBureau, "青山县蓝天救援队", "青山县蓝天救援协会", "蒙晓东", "13907710505",
            "全县", "山地搜救、水域救援、群众转移和救灾物资转运，配合政府救援力量参与抢险救灾。",
            "由县应急管理局统一调度，接到指令后 1 小时内集结出发，到场后服从现场指挥部安排。");

        Fill(township, 26, TownshipSources, today);
        Fill(village, 8, VillageSources, today);
        Fill(professional, 12, [MemberSource.FireStation], today);
        Fill(enterprise, 10, [MemberSource.Enterprise], today);
        Fill(volunteers, 9, [MemberSource.Volunteer], today);

        // A militiaman of 河口村 is also in the township's team: the township's team page warns about it.
        var shared = village.Members[0];
        township.Members[^1] = Member(shared.Name, shared.IdCardNumber, shared.Mobile, MemberSource.Militia, "水上救援", shared.JoinedOn, true, today);

        var minimums = new Domain.Minimums(TeamsModule.TownshipMinimum.Default, TeamsModule.VillageMinimum.Default);
        foreach (var team in new[] { township, village, professional, enterprise, volunteers })
        {
            team.ActiveMembers = team.Members.Count(m => m.IsActive);
            team.TrainedMembers = team.Members.Count(m => m.IsActive && m.Trained);
            db.Teams.Add(team);
            foreach (var member in team.Members)
            {
                // Other modules (Training's known people) learn of the demo members as of any member who joins.
                db.PublishAfterSave(() => new TeamMemberJoined
                {
                    TeamId = team.Id, TeamName = team.Name, Kind = team.Kind, TownshipId = team.TownshipId, VillageId = team.VillageId,
                    DepartmentId = team.DepartmentId, MemberId = member.Id, Name = member.Name, IdCard = member.IdCardNumber,
                    Mobile = member.Mobile, Source = Domain.TeamRoster.SourceLabel(member.Source),
                });
            }

            // Its strength, as after any change of members (the demo county starts on the default minimum sizes): Readiness reads it.
            var minimum = minimums.For(team.Kind);
            db.PublishAfterSave(() => new TeamStrengthChanged
            {
                TeamId = team.Id, Kind = team.Kind, TeamName = team.Name, TownshipId = team.TownshipId, VillageId = team.VillageId, DepartmentId = team.DepartmentId,
                ActiveMembers = team.ActiveMembers, TrainedMembers = team.TrainedMembers, Minimum = minimum, MeetsMinimum = minimum is null || team.ActiveMembers >= minimum,
            });
        }

        await db.SaveChangesAsync(cancellationToken);

        RescueTeam Team(TeamKind kind, UnitInfo owner, string name, string organization, string leader, string mobile, string area, string tasks, string procedure) => new()
        {
            Kind = kind,
            TownshipId = owner.Kind == UnitKind.Township ? owner.Id : owner.Kind == UnitKind.Village ? owner.ParentId : null,
            VillageId = owner.Kind == UnitKind.Village ? owner.Id : null,
            DepartmentId = owner.Kind == UnitKind.Department ? owner.Id : null,
            OwnerName = owner.Name,
            Name = name,
            Organization = organization,
            LeaderName = leader,
            LeaderMobile = mobile,
            ServiceArea = area,
            Tasks = tasks,
            ResponseProcedure = procedure,
            Status = TeamStatus.Active,
            CreatedAtUtc = now.AddDays(-200),
            CreatedBy = "demo",
        };

        void Fill(RescueTeam team, int count, MemberSource[] sources, DateOnly day)
        {
            for (var i = 0; i < count; i++)
            {
                serial++;
                var name = Surnames[(serial * 7) % Surnames.Length] + GivenNames[(serial * 11) % GivenNames.Length];
                var born = new DateOnly(1970 + (serial * 3 % 30), 1 + (serial % 12), 1 + (serial * 5 % 28));
                var sequence = (100 + (serial * 2)).ToString("D3", CultureInfo.InvariantCulture);
                var idCard = IdCard.WithCheckCharacter(string.Concat(context.County, born.ToString("yyyyMMdd", CultureInfo.InvariantCulture), sequence));
                var mobile = "139" + (77100000 + serial).ToString(CultureInfo.InvariantCulture);
                // Two in five joined recently and are not trained yet (国务院令第708号 Art 11: trained before responding).
                var trained = serial % 5 is not 0 and not 3;
                team.Members.Add(Member(name, idCard, mobile, sources[i % sources.Length], Skills[serial % Skills.Length], day.AddDays(-400 + (serial % 90)), trained, day));
            }
        }

        TeamMember Member(string name, string idCard, string mobile, MemberSource source, string skills, DateOnly joined, bool trained, DateOnly day) => new()
        {
            Name = name,
            IdCardNumber = idCard,
            Mobile = mobile,
            Source = source,
            Skills = skills,
            JoinedOn = joined,
            Insurance = serial % 2 == 0 ? InsuranceKind.Accident : InsuranceKind.WorkInjury,
            InsuredUntil = new DateOnly(day.Year, 12, 31),
            Trained = trained,
            TrainedOn = trained ? day.AddDays(-120) : null,
            TrainedHow = trained ? "县应急管理局应急救援队伍业务培训（5 天）" : "",
            CreatedAtUtc = now.AddDays(-200),
        };
    }
}
