namespace Emergency.BuildingBlocks.Access;

/// <summary>Where an account sits in the county: what it may see is decided by this first.</summary>
public enum UserScope
{
    /// <summary>Platform posts (platform, security, audit admins): no county data.</summary>
    Platform = 0,

    /// <summary>County admin and county leaders: the whole county.</summary>
    County = 1,

    /// <summary>A county department (应急管理局, 水利局 …).</summary>
    Department = 2,

    /// <summary>A township/subdistrict emergency office.</summary>
    Township = 3,

    /// <summary>A village/community service station or grid member.</summary>
    Village = 4,
}
