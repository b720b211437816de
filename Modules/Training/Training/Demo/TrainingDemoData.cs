using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Modules;
using Emergency.Training.Contracts;
using Emergency.Training.Data;
using Emergency.Training.Domain;

namespace Emergency.Training.Demo;

/// <summary>
/// The demo county's training: a 集中授课 the county held last month for 青山镇 and 石门乡 (closed, attendance and
/// scores recorded), and a 现场教学 青山镇 holds next week for its villages' staff and grid members.
/// </summary>
internal static class TrainingDemoData
{
    public static async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.FromUtc(now).Date;
        var qingshan = context.Township("青山镇");
        var shimen = context.Township("石门乡");
        var bureau = context.EmergencyBureau;
        await using var db = context.OpenStore<TrainingDbContext>();

        var pastStart = ChinaTime.ToUtc(today.AddDays(-20).AddHours(9));
        db.Sessions.Add(new TrainingSession
        {
            Kind = SessionKind.Lecture,
            Title = "乡镇应急管理业务培训（防汛与地质灾害）",
            Content = "防汛抗旱应急预案要点；地质灾害隐患识别与群测群防；灾情信息报送。",
            StartsAtUtc = pastStart,
            EndsAtUtc = pastStart.AddHours(8),
            Place = "县应急指挥中心三楼会议室",
            Trainer = "县应急管理局 李建平",
            Hours = 8,
            Days = 1,
            DepartmentId = bureau.Id,
            OrganiserName = bureau.Name,
            Status = SessionStatus.Closed,
            CreatedBy = "yjj",
            CreatedAtUtc = pastStart.AddDays(-14),
            VersionAtUtc = pastStart.AddDays(-14),
            ClosedAtUtc = pastStart.AddHours(9),
            Targets = Sessions.Targets([qingshan, shimen]),
            Invitees =
            [
                new() { Name = "韦志刚", UnitName = qingshan.Name, Email = "weizhigang@qingshan.example.cn", Attendance = Attendance.Present, Score = 92, Passed = true },
                new() { Name = "蒙秀英", UnitName = qingshan.Name, Attendance = Attendance.Present, Score = 85, Passed = true },
                new() { Name = "黄德明", UnitName = shimen.Name, Attendance = Attendance.Excused },
            ],
        });

        // The closed session's days, as closing a session tells other modules (Readiness's 培训演练): the demo county
        // starts on the default yearly days, and this is the year's only closed session.
        var year = ChinaTime.FromUtc(pastStart).Year;
        foreach (var unit in new[] { qingshan, shimen })
        {
            db.Publish(new TrainingDaysDelivered
            {
                UnitKind = unit.Kind, UnitId = unit.Id, UnitName = unit.Name, TownshipId = unit.Id, Year = year, Target = TrainingModule.TownshipDays.Default, Delivered = 1,
            });
        }

        var nextStart = ChinaTime.ToUtc(today.AddDays(7).AddHours(14).AddMinutes(30));
        db.Sessions.Add(new TrainingSession
        {
            Kind = SessionKind.OnSite,
            Title = "村（社区）应急避险转移现场教学",
            Content = "转移避险路线踏勘；应急避难场所开设；网格员“五知十会”要点。",
            StartsAtUtc = nextStart,
            EndsAtUtc = nextStart.AddHours(3),
            Place = "青山镇河口村村委会",
            Trainer = "青山镇应急办 覃海",
            Hours = 3,
            Days = Sessions.DaysFor(3, null),
            TownshipId = qingshan.Id,
            OrganiserName = qingshan.Name,
            Status = SessionStatus.Scheduled,
            CreatedBy = "qingshan",
            CreatedAtUtc = now,
            VersionAtUtc = now,
            Targets = Sessions.Targets(context.Villages.Where(v => v.ParentId == qingshan.Id).Take(2)),
            Invitees =
            [
                new() { Name = "河口村网格员", UnitName = "河口村", Email = "hekou-grid@qingshan.example.cn" },
            ],
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
