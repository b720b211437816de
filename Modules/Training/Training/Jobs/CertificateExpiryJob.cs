using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Jobs;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Reminders;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Training.Jobs;

/// <summary>
/// Daily: each certificate expiring within <see cref="TrainingModule.CertificateExpiryLeadDays"/> days (and not yet
/// expired) is noticed to its holder's unit once per certificate and expiry date (key
/// <c>certificate:{id}:expires:{date}</c>, claimed in the same commit as the notice).
/// </summary>
internal sealed class CertificateExpiryJob(TrainingDbContext db, ICountySettings settings, TrainingNotices notices, ICountyContext county, TimeProvider clock) : ICountyJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var lead = await settings.GetAsync(TrainingModule.CertificateExpiryLeadDays, county.Required, cancellationToken);
        var horizon = today.AddDays(lead);
        var due = await db.Certificates
            .Where(c => c.ExpiresOn != null && c.ExpiresOn >= today && c.ExpiresOn <= horizon)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        foreach (var certificate in due)
        {
            var to = NoticeRecipient.Unit(certificate.UnitKind, certificate.UnitId, certificate.UnitName);
            await db.NotifyOnceAsync(ReminderKey.For("certificate", certificate.Id, "expires", certificate.ExpiresOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), notices.CertificateExpiry(certificate, to, now), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
