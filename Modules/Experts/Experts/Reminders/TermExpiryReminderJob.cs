using System.Globalization;
using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Email;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Reminders;

/// <summary>
/// 聘期届满: reminds the expert and the county emergency bureau once when a term ends within
/// <see cref="ExpertsModule.TermExpiryLeadDays"/> days (key <c>term:{expertId}:{termEnd:yyyyMMdd}</c>, so a
/// renewed term is reminded again), and ends the membership of experts whose term has passed without renewal.
/// </summary>
internal sealed class TermExpiryReminderJob(
    ExpertsDbContext db, ICountyContext county, ICountySettings settings, ICountyUnits units, ExpertStatusChanges changes, TimeProvider clock) : ICountyJob
{
    public const string ExpiredReason = "聘期届满未续聘";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var lead = await settings.GetAsync(ExpertsModule.TermExpiryLeadDays, cancellationToken);
        var horizon = today.AddDays(lead);
        var experts = await db.Experts
            .Where(e => e.Status == ExpertStatus.Active && e.TermEnd <= horizon)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        if (experts.Count == 0)
        {
            return;
        }

        List<string>? contacts = null;
        foreach (var expert in experts)
        {
            if (expert.TermEnd < today)
            {
                changes.End(expert, ExpertExitKind.TermEnded, ExpiredReason);
                continue;
            }

            var key = string.Create(CultureInfo.InvariantCulture, $"term:{expert.Id}:{expert.TermEnd:yyyyMMdd}");
            if (!await db.TryClaimAsync(key, now, cancellationToken))
            {
                continue;
            }

            contacts ??= await BureauContactsAsync(cancellationToken);
            var end = expert.TermEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var recipients = contacts.Select(c => (To: c, Name: (string?)null, Body: $"专家 {expert.Name}（{expert.Employer}，证书编号 {expert.CertificateNumber}）的聘期将于 {end} 届满，请及时组织考核并办理续聘或退出。"))
                .ToList();
            if (!string.IsNullOrWhiteSpace(expert.Email))
            {
                recipients.Add((expert.Email!, expert.Name, $"{expert.Name} 专家：\n\n您的应急管理专家聘期将于 {end} 届满。县应急管理局将组织考核，如需续聘请与其联系。"));
            }

            foreach (var (to, name, body) in recipients)
            {
                db.Publish(new EmailRequested
                {
                    County = county.Required,
                    OccurredAtUtc = now,
                    Source = ExpertsModule.ModuleName,
                    To = to,
                    ToName = name,
                    Subject = $"专家聘期届满提醒：{expert.Name}",
                    TextBody = body,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<List<string>> BureauContactsAsync(CancellationToken cancellationToken)
    {
        var bureau = (await units.DepartmentsAsync(county.Required, cancellationToken)).FirstOrDefault(d => d.IsEmergencyBureau);
        return bureau is null ? [] : [.. await units.ContactEmailsAsync(county.Required, UnitKind.Department, bureau.Id, cancellationToken)];
    }
}
