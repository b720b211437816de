using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Modules;
using Emergency.Teams.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Demo;

/// <summary>
/// The demo county's 一张网 and 镇企联动协议: 青山镇 asks the county for 30 帐篷 (waiting for the emergency bureau to
/// assign, so yjj has it on 我的待办), and two agreements of 青山镇 with enterprises, one ending within the default lead.
/// </summary>
internal static class SupportDemoData
{
    public static async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var db = context.OpenStore<TeamsDbContext>();
        if (await db.SupportRequests.AnyAsync(cancellationToken) || await db.Agreements.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = context.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var township = context.Township("青山镇");
        var tents = await db.SupplyKinds.FirstOrDefaultAsync(k => k.Name == "帐篷", cancellationToken);
        var receiving = await db.Sites.FirstOrDefaultAsync(s => s.Name == "青山镇应急物资储备点", cancellationToken);
        if (tents is not null && receiving is not null)
        {
            var request = new SupportRequest
            {
                TownshipId = township.Id, TownshipName = township.Name, Need = SupportNeed.Supplies, SupplyKindId = tents.Id, Quantity = 30,
                ReceivingSiteId = receiving.Id, Place = "青山镇河口村临时安置点（河口村小学）",
                NeededByUtc = now.AddHours(6), Reason = "河口村山洪转移安置群众 120 人，本镇储备帐篷不足。",
                Status = SupportStatus.Requested, CreatedAtUtc = now, CreatedBy = "qingshan", UpdatedAtUtc = now,
            };
            request.Steps.Add(new SupportStep
            {
                Action = SupportAction.Request, From = SupportStatus.Requested, To = SupportStatus.Requested, Note = "帐篷 30 顶",
                AtUtc = now, By = "qingshan", ByName = "青山镇应急办",
            });
            db.SupportRequests.Add(request);
        }

        db.Agreements.AddRange(
            new Agreement
            {
                TownshipId = township.Id, TownshipName = township.Name, EnterpriseName = "青山水泥有限公司", ContactName = "黄志强", ContactMobile = "13907710606",
                TownshipProvides = "汛前通报风险隐患，组织企业救援队参加乡镇联合演练",
                EnterpriseProvides = "专职救援队 20 人、挖掘机 2 台、装载机 1 台；每年参加乡镇防汛演练 1 次",
                ValidFrom = today.AddYears(-1).AddDays(20), ValidTo = today.AddDays(20), Status = AgreementStatus.Active,
                CreatedAtUtc = now, CreatedBy = "qingshan", UpdatedAtUtc = now,
            },
            new Agreement
            {
                TownshipId = township.Id, TownshipName = township.Name, EnterpriseName = "青山县顺达运输有限公司", ContactName = "莫海燕", ContactMobile = "13907710707",
                TownshipProvides = "提供车辆调用清单和联络人",
                EnterpriseProvides = "应急运输车辆 5 辆（含 2 辆厢式货车），接到调令 1 小时内到位",
                ValidFrom = today.AddMonths(-2), ValidTo = today.AddYears(2), Status = AgreementStatus.Active,
                CreatedAtUtc = now, CreatedBy = "qingshan", UpdatedAtUtc = now,
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
