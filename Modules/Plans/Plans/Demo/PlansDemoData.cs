using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Modules;
using Emergency.Plans.Data;
using Emergency.Plans.Domain;

namespace Emergency.Plans.Demo;

/// <summary>
/// The demo county's plans (registry entries; the demo holds no plan files, so its versions name none): the county
/// 总体应急预案 and 防汛抗旱专项预案 in force; 青山镇's 综合应急预案 issued and registered by the county bureau; its
/// 防汛专项预案 issued last week and awaiting filing; and 河口村's 多合一处置方案 in draft.
/// </summary>
internal static class PlansDemoData
{
    public static async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var qingshan = context.Township("青山镇");
        var bureau = context.EmergencyBureau;
        await using var db = context.OpenStore<PlansDbContext>();

        PlanVersion Issued(DateOnly on, string number) => new()
        {
            Number = 1,
            Summary = "首次编制",
            Reason = "按照县突发事件应急预案体系建设要求编制",
            UploadedBy = "demo",
            UploadedAtUtc = now,
            Signer = "县人民政府",
            IssuedOn = on,
            DocumentNumber = number,
            IssuedAtUtc = now,
        };

        var general = new Plan
        {
            Title = "青山县突发事件总体应急预案",
            Type = PlanType.CountyGeneral,
            OwnerLevel = OwnerLevel.County,
            OwnerName = "县人民政府",
            Risks = "自然灾害、事故灾难、公共卫生事件、社会安全事件",
            Status = PlanStatus.InForce,
            CreatedBy = "yjj",
            CreatedAtUtc = now,
            Versions = [Issued(today.AddYears(-1), "青政发〔2025〕12号")],
        };
        db.Plans.Add(general);
        await db.SaveChangesAsync(cancellationToken);

        var flood = new Plan
        {
            Title = "青山县防汛抗旱应急预案",
            Type = PlanType.CountySpecial,
            Category = SpecialCategory.FloodDrought,
            OwnerLevel = OwnerLevel.County,
            OwnerName = "县人民政府",
            Risks = "暴雨洪涝、山洪、干旱",
            HigherPlanId = general.Id,
            Status = PlanStatus.InForce,
            CreatedBy = "yjj",
            CreatedAtUtc = now,
            Versions = [Issued(today.AddMonths(-8), "青政办发〔2026〕5号")],
        };
        var township = new Plan
        {
            Title = "青山镇突发事件综合应急预案",
            Type = PlanType.TownshipGeneral,
            OwnerLevel = OwnerLevel.Township,
            TownshipId = qingshan.Id,
            OwnerName = qingshan.Name,
            Risks = "山洪地质灾害、森林火灾、道路交通事故",
            HigherPlanId = general.Id,
            Status = PlanStatus.InForce,
            CreatedBy = "qingshan",
            CreatedAtUtc = now,
            Versions = [Issued(today.AddMonths(-3), "青山镇发〔2026〕8号")],
        };
        db.Plans.AddRange(flood, township);
        await db.SaveChangesAsync(cancellationToken);

        var townshipFlood = new Plan
        {
            Title = "青山镇防汛抗旱专项应急预案",
            Type = PlanType.TownshipSpecial,
            Category = SpecialCategory.FloodDrought,
            OwnerLevel = OwnerLevel.Township,
            TownshipId = qingshan.Id,
            OwnerName = qingshan.Name,
            Risks = "河口水库、沿河低洼地带",
            HigherPlanId = flood.Id,
            Status = PlanStatus.InForce,
            CreatedBy = "qingshan",
            CreatedAtUtc = now,
            Versions = [Issued(today.AddDays(-7), "青山镇发〔2026〕21号")],
        };
        var village = context.Villages.FirstOrDefault(v => v.ParentId == qingshan.Id && v.Name == "河口村") ?? context.Villages.FirstOrDefault(v => v.ParentId == qingshan.Id);
        db.Plans.Add(townshipFlood);
        if (village is not null)
        {
            db.Plans.Add(new Plan
            {
                Title = village.Name + "突发事件“多合一”处置方案",
                Type = PlanType.VillageCombined,
                OwnerLevel = OwnerLevel.Village,
                TownshipId = qingshan.Id,
                VillageId = village.Id,
                OwnerName = village.Name,
                Risks = "山洪、滑坡、火灾",
                HigherPlanId = township.Id,
                Status = PlanStatus.Drafting,
                CreatedBy = "qingshan",
                CreatedAtUtc = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var plan in new[] { general, flood, township, townshipFlood })
        {
            plan.CurrentVersionId = plan.Versions[0].Id;
        }

        var registeredOn = township.Versions[0].IssuedOn!.Value;
        db.Filings.Add(new Filing
        {
            PlanId = township.Id,
            VersionId = township.Versions[0].Id,
            ReceiverKind = Emergency.BuildingBlocks.Tenancy.UnitKind.Department,
            ReceiverId = bureau.Id,
            ReceiverName = bureau.Name,
            IssuedOn = registeredOn,
            DueOn = registeredOn.AddDays(28),
            State = FilingState.Registered,
            Round = 1,
            SubmittedOn = registeredOn.AddDays(7),
            SubmittedBy = "qingshan",
            AnsweredBy = "yjj",
            FiledOn = registeredOn.AddDays(9),
            FiledAtUtc = now,
            FilingNumber = $"备{registeredOn.Year}-0001",
        });

        // Tell the other modules what is in force and filed, as signing and filing do, so Training's drill form
        // lists the demo plans.
        foreach (var plan in new[] { general, flood, township, townshipFlood })
        {
            db.Publish(PlanEvents.Issued(plan, plan.Versions[0]));
        }

        db.Publish(PlanEvents.Filed(township, township.Versions[0], registeredOn.AddDays(9), deemed: false));
        var issued = townshipFlood.Versions[0].IssuedOn!.Value;
        db.Filings.Add(new Filing
        {
            PlanId = townshipFlood.Id,
            VersionId = townshipFlood.Versions[0].Id,
            ReceiverKind = Emergency.BuildingBlocks.Tenancy.UnitKind.Department,
            ReceiverId = bureau.Id,
            ReceiverName = bureau.Name,
            IssuedOn = issued,
            DueOn = issued.AddDays(28),
            State = FilingState.Awaiting,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
