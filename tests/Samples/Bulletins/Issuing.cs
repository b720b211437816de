using Emergency.Samples.Bulletins.Contracts;
using Emergency.Samples.Bulletins.Data;

namespace Emergency.Samples.Bulletins;

/// <summary>Issuing a bulletin: the row and <see cref="BulletinIssued"/> commit together, the event once the row has its id.</summary>
internal static class Issuing
{
    public static void Issue(BulletinsDbContext db, Bulletin bulletin)
    {
        db.Bulletins.Add(bulletin);
        db.PublishAfterSave(() => new BulletinIssued
        {
            BulletinId = bulletin.Id,
            Title = bulletin.Title,
            AcknowledgeByUtc = bulletin.AcknowledgeByUtc,
            ContactEmail = bulletin.ContactEmail,
        });
    }
}
