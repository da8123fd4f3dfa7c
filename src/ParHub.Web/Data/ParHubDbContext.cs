using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;

namespace ParHub.Web.Data;

public class ParHubDbContext(DbContextOptions<ParHubDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AgencyGroup> AgencyGroups => Set<AgencyGroup>();
    public DbSet<AgencyGroupMember> AgencyGroupMembers => Set<AgencyGroupMember>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<AppUser>(e =>
        {
            e.Property(u => u.FullName).HasMaxLength(200);
            e.HasOne(u => u.Agency).WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Agency>(e =>
        {
            e.ToTable("agencies");
            e.Property(a => a.Code).HasMaxLength(64);
            e.HasIndex(a => a.Code).IsUnique();
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(a => a.Name).HasMaxLength(300);
            e.Property(a => a.ShortName).HasMaxLength(100);
            e.Property(a => a.Aliases).HasMaxLength(2000);
            e.Property(a => a.Address).HasMaxLength(300);
            e.Property(a => a.Phone).HasMaxLength(50);
            e.Property(a => a.Email).HasMaxLength(200);
            e.Property(a => a.SearchText).HasMaxLength(3000);
            e.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.Successor).WithMany().HasForeignKey(a => a.SuccessorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => a.ParentId);
            e.Ignore(a => a.AliasList);
            e.Ignore(a => a.Names);
        });

        b.Entity<AgencyGroup>(e =>
        {
            e.ToTable("agency_groups");
            e.Property(g => g.Code).HasMaxLength(64);
            e.HasIndex(g => g.Code).IsUnique();
            e.Property(g => g.Name).HasMaxLength(300);
            e.Property(g => g.Aliases).HasMaxLength(2000);
            e.Property(g => g.Description).HasMaxLength(1000);
            e.Ignore(g => g.AliasList);
        });

        b.Entity<AgencyGroupMember>(e =>
        {
            e.ToTable("agency_group_members");
            e.HasKey(m => new { m.GroupId, m.AgencyId });
            e.HasOne(m => m.Group).WithMany(g => g.Members).HasForeignKey(m => m.GroupId);
            e.HasOne(m => m.Agency).WithMany(a => a.Groups).HasForeignKey(m => m.AgencyId);
            e.HasIndex(m => m.AgencyId);
        });

        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.Property(a => a.UserId).HasMaxLength(64);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(32);
            e.Property(a => a.EntityType).HasMaxLength(64);
            e.Property(a => a.EntityId).HasMaxLength(64);
            e.Property(a => a.Summary).HasMaxLength(500);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.AgencyId);
        });

        b.Entity<ApiToken>(e =>
        {
            e.ToTable("api_tokens");
            e.Property(t => t.UserId).HasMaxLength(64);
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasIndex(t => t.UserId);
        });
    }
}
