using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Plans;
using ParHub.Core.Reports;
using ParHub.Core.Scoring;

namespace ParHub.Web.Data;

/// <summary>
/// The model, shared by both providers. Each provider has its own subclass (<see cref="SqliteParHubDbContext"/>,
/// <see cref="PostgresParHubDbContext"/>) only so that each has its own EF Core migrations
/// (<c>Data/Migrations/Sqlite</c>, <c>Data/Migrations/Postgres</c>); everything else injects this class.
/// </summary>
public class ParHubDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AgencyGroup> AgencyGroups => Set<AgencyGroup>();
    public DbSet<AgencyGroupMember> AgencyGroupMembers => Set<AgencyGroupMember>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanTarget> PlanTargets => Set<PlanTarget>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<TaskAssignment> TaskAssignments => Set<TaskAssignment>();
    public DbSet<TaskUpdate> TaskUpdates => Set<TaskUpdate>();
    public DbSet<TaskFile> TaskFiles => Set<TaskFile>();
    public DbSet<DeadlineChange> DeadlineChanges => Set<DeadlineChange>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<DigestEntry> DigestEntries => Set<DigestEntry>();
    public DbSet<ReportFormVersion> ReportForms => Set<ReportFormVersion>();
    public DbSet<ReportRegimeSetting> ReportRegimes => Set<ReportRegimeSetting>();
    public DbSet<AgencyReport> Reports => Set<AgencyReport>();
    public DbSet<ReportValueRow> ReportValues => Set<ReportValueRow>();
    public DbSet<ReportRevision> ReportRevisions => Set<ReportRevision>();
    public DbSet<IndexFramework> IndexFrameworks => Set<IndexFramework>();
    public DbSet<AssessmentCycle> AssessmentCycles => Set<AssessmentCycle>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentScore> AssessmentScores => Set<AssessmentScore>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<AppraiserAssignment> AppraiserAssignments => Set<AppraiserAssignment>();
    public DbSet<AppraiserScope> AppraiserScopes => Set<AppraiserScope>();
    public DbSet<AppraisalProposal> AppraisalProposals => Set<AppraisalProposal>();
    public DbSet<Core.ParIndex.NationalResult> NationalResults => Set<Core.ParIndex.NationalResult>();
    public DbSet<Core.ParIndex.NationalScore> NationalScores => Set<Core.ParIndex.NationalScore>();
    public DbSet<Core.Indices.ExternalIndexValue> ExternalIndexValues => Set<Core.Indices.ExternalIndexValue>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<ParHub.Core.Tthc.DossierRecord> Dossiers => Set<ParHub.Core.Tthc.DossierRecord>();
    public DbSet<ParHub.Core.Tthc.FeedbackRecord> Feedback => Set<ParHub.Core.Tthc.FeedbackRecord>();
    public DbSet<ParHub.Core.Tthc.ServiceIndexConfigRecord> ServiceIndexConfigs => Set<ParHub.Core.Tthc.ServiceIndexConfigRecord>();
    public DbSet<ParHub.Core.Tthc.TthcPublication> TthcPublications => Set<ParHub.Core.Tthc.TthcPublication>();
    public DbSet<ParHub.Core.Tthc.DossierMonthTotals> DossierMonthTotals => Set<ParHub.Core.Tthc.DossierMonthTotals>();
    public DbSet<ParHub.Core.Tthc.DossierSource> DossierSources => Set<ParHub.Core.Tthc.DossierSource>();
    public DbSet<ParHub.Core.Tthc.TthcProcedure> TthcProcedures => Set<ParHub.Core.Tthc.TthcProcedure>();
    public DbSet<ParHub.Core.Tthc.TthcDecision> TthcDecisions => Set<ParHub.Core.Tthc.TthcDecision>();
    public DbSet<ParHub.Core.Sipas.SurveyProgramme> SurveyProgrammes => Set<ParHub.Core.Sipas.SurveyProgramme>();
    public DbSet<ParHub.Core.Sipas.SurveyQuestionnaire> SurveyQuestionnaires => Set<ParHub.Core.Sipas.SurveyQuestionnaire>();
    public DbSet<ParHub.Core.Sipas.SurveyResponse> SurveyResponses => Set<ParHub.Core.Sipas.SurveyResponse>();
    public DbSet<ParHub.Core.Sipas.SurveyAnswer> SurveyAnswers => Set<ParHub.Core.Sipas.SurveyAnswer>();
    public DbSet<ParHub.Core.Sipas.SurveyToken> SurveyTokens => Set<ParHub.Core.Sipas.SurveyToken>();
    public DbSet<ParHub.Core.Sipas.SurveyPopulation> SurveyPopulations => Set<ParHub.Core.Sipas.SurveyPopulation>();
    public DbSet<ParHub.Core.Sipas.SurveyKiosk> SurveyKiosks => Set<ParHub.Core.Sipas.SurveyKiosk>();
    public DbSet<ParHub.Core.Sipas.SurveyPaperSheet> SurveyPaperSheets => Set<ParHub.Core.Sipas.SurveyPaperSheet>();
    public DbSet<ParHub.Core.Sipas.SurveyPaperEntry> SurveyPaperEntries => Set<ParHub.Core.Sipas.SurveyPaperEntry>();
    public DbSet<ParHub.Core.Registries.RegistryEntry> RegistryEntries => Set<ParHub.Core.Registries.RegistryEntry>();
    public DbSet<ParHub.Core.Registries.InspectionFinding> InspectionFindings => Set<ParHub.Core.Registries.InspectionFinding>();

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

        b.Entity<Plan>(e =>
        {
            e.ToTable("plans");
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Number).HasMaxLength(64);
            e.Property(p => p.DocType).HasMaxLength(16);
            e.Property(p => p.Issuer).HasMaxLength(300);
            e.Property(p => p.Title).HasMaxLength(1000);
            e.Property(p => p.SourceFile).HasMaxLength(260);
            e.Property(p => p.Imported).HasMaxLength(4000);
            e.HasIndex(p => new { p.Year, p.Number });
            e.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Tasks).WithOne(t => t.Plan).HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<ParHub.Core.Tthc.DossierRecord>(e =>
        {
            e.ToTable("dossiers");
            e.Property(d => d.Code).HasMaxLength(64);
            e.Property(d => d.ProcedureCode).HasMaxLength(64);
            e.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Rating).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(d => d.Code).IsUnique(); // a re-import updates by code
            // A period's figures per agency read the dossiers received up to its end (docs/performance.md, TTHC).
            e.HasIndex(d => new { d.AgencyId, d.Received });
            // No foreign key to agencies: its check ran once per row and cost 40% of a million-row COPY (docs/performance.md,
            // TTHC). DossierWriter checks the agencies of a write once each, locking them as the key would; agencies are
            // closed (ValidTo), never deleted.
        });

        b.Entity<ParHub.Core.Tthc.FeedbackRecord>(e =>
        {
            e.ToTable("feedback");
            e.Property(f => f.Code).HasMaxLength(ParHub.Core.Tthc.FeedbackCodes.MaxCode);
            e.Property(f => f.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(f => f.Field).HasMaxLength(ParHub.Core.Tthc.FeedbackCodes.MaxField);
            e.Property(f => f.Rating).HasConversion<string>().HasMaxLength(16);
            e.Property(f => f.Subject).HasMaxLength(ParHub.Core.Tthc.FeedbackCodes.MaxSubject);
            e.HasIndex(f => new { f.Channel, f.Code }).IsUnique(); // each channel's system numbers its own; a re-import updates by code
            e.HasIndex(f => new { f.AgencyId, f.Received });
            e.HasOne<Agency>().WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<ParHub.Core.Tthc.ServiceIndexConfigRecord>(e =>
        {
            e.ToTable("service_index_configs");
            e.HasIndex(c => c.Version).IsUnique(); // two editors saving at once: the second is refused, not a fork
            e.Property(c => c.CreatedBy).HasMaxLength(200);
        });

        b.Entity<ParHub.Core.Tthc.DossierSource>(e =>
        {
            e.ToTable("dossier_sources");
            e.Property(x => x.Name).HasMaxLength(ParHub.Core.Tthc.DossierSource.MaxName);
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
        });

        b.Entity<ParHub.Core.Tthc.TthcPublication>(e =>
        {
            e.ToTable("tthc_publications");
            e.Property(p => p.Title).HasMaxLength(300);
            e.Property(p => p.Decision).HasMaxLength(300);
            e.Property(p => p.PublishedBy).HasMaxLength(200);
        });

        b.Entity<ParHub.Core.Tthc.DossierMonthTotals>(e =>
        {
            e.ToTable("dossier_month_totals");
            e.HasIndex(t => new { t.AgencyId, t.Year, t.Month }).IsUnique(); // one row per agency and month
            e.Property(t => t.EnteredBy).HasMaxLength(256);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.Ignore(t => t.Counts);
            e.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<ParHub.Core.Tthc.TthcDecision>(e =>
        {
            e.ToTable("tthc_decisions");
            e.Property(d => d.Number).HasMaxLength(64);
            e.HasIndex(d => d.Number).IsUnique(); // a re-import finds its decision by number
            e.Ignore(d => d.OnTime);
        });

        b.Entity<ParHub.Core.Tthc.TthcProcedure>(e =>
        {
            e.ToTable("tthc_procedures");
            e.Property(p => p.Code).HasMaxLength(64);
            e.HasIndex(p => p.Code).IsUnique(); // a re-import updates by code
            e.Property(p => p.Name).HasMaxLength(1000);
            e.Property(p => p.Field).HasMaxLength(300);
            e.Property(p => p.Level).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.OneStop).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Online).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(p => p.AgencyId);
            e.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Decision).WithMany().HasForeignKey(p => p.DecisionId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<ParHub.Core.Sipas.SurveyProgramme>(e =>
        {
            e.ToTable("survey_programmes");
            e.Property(p => p.Title).HasMaxLength(300);
            e.Property(p => p.Methodology).HasMaxLength(100);
            e.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Decision).HasMaxLength(300);
            e.Property(p => p.MarginOfError).HasPrecision(6, 4);
            e.Property(p => p.Confidence).HasPrecision(6, 4);
            e.Property(p => p.TargetPercent).HasPrecision(5, 2).HasDefaultValue(ParHub.Core.Sipas.SurveyDefaults.TargetPercent);
            e.Property(p => p.ParMap).HasMaxLength(2000);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => p.Year);
            e.HasOne<AssessmentCycle>().WithMany().HasForeignKey(p => p.ParCycleId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Groups).WithOne().HasForeignKey(g => g.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ParHub.Core.Sipas.SurveyQuestionnaire>().WithMany().HasForeignKey(p => p.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<ParHub.Core.Sipas.SurveyQuestionnaire>(e =>
        {
            e.ToTable("survey_questionnaires");
            e.Property(q => q.Code).HasMaxLength(64);
            e.Property(q => q.Title).HasMaxLength(300);
            e.HasIndex(q => new { q.Code, q.Version }).IsUnique();
        });

        b.Entity<ParHub.Core.Sipas.SurveyResponse>(e =>
        {
            e.ToTable("survey_responses");
            e.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.StatusReason).HasMaxLength(500);
            e.Property(r => r.ClientId).HasMaxLength(64);
            e.Property(r => r.EnteredBy).HasMaxLength(256);
            e.Property(r => r.Digest).HasDefaultValue("");
            // A client's id counts once per programme: a kiosk's resend or an import run twice adds nothing.
            e.HasIndex(r => new { r.ProgrammeId, r.ClientId }).IsUnique();
            e.HasIndex(r => new { r.ProgrammeId, r.AgencyId, r.Status });
            e.HasOne<ParHub.Core.Sipas.SurveyProgramme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ParHub.Core.Sipas.SurveyQuestionnaire>().WithMany().HasForeignKey(r => r.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<ParHub.Core.Sipas.SurveyPopulation>(e =>
        {
            e.ToTable("survey_populations");
            e.Property(x => x.TargetPercent).HasPrecision(5, 2);
            e.HasIndex(x => new { x.ProgrammeId, x.AgencyId }).IsUnique();
            e.HasOne<ParHub.Core.Sipas.SurveyProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<ParHub.Core.Sipas.SurveyToken>(e =>
        {
            e.ToTable("survey_tokens");
            e.Property(t => t.Code).HasMaxLength(32);
            e.HasIndex(t => t.Code).IsUnique();
            e.HasIndex(t => new { t.ProgrammeId, t.AgencyId });
            e.HasOne<ParHub.Core.Sipas.SurveyProgramme>().WithMany().HasForeignKey(t => t.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<ParHub.Core.Sipas.SurveyKiosk>(e =>
        {
            e.ToTable("survey_kiosks");
            e.Property(k => k.Code).HasMaxLength(64);
            e.Property(k => k.Label).HasMaxLength(200);
            e.HasIndex(k => k.Code).IsUnique();
            e.HasIndex(k => new { k.ProgrammeId, k.AgencyId });
            e.HasOne<ParHub.Core.Sipas.SurveyProgramme>().WithMany().HasForeignKey(k => k.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Agency>().WithMany().HasForeignKey(k => k.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<ParHub.Core.Sipas.SurveyPaperSheet>(e =>
        {
            e.ToTable("survey_paper_sheets");
            // A sheet's number is unique in its programme: "Phiếu số 000123" names one sheet of one agency.
            e.HasIndex(s => new { s.ProgrammeId, s.Number }).IsUnique();
            e.HasIndex(s => new { s.ProgrammeId, s.AgencyId });
            e.HasOne<ParHub.Core.Sipas.SurveyProgramme>().WithMany().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ParHub.Core.Sipas.SurveyResponse>().WithMany().HasForeignKey(s => s.ResponseId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(s => s.Entries).WithOne().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<ParHub.Core.Registries.RegistryEntry>(e =>
        {
            e.ToTable("registry_entries");
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Values).HasMaxLength(20_000);
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.StoredName).HasMaxLength(64);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.ValueMap);
            e.Ignore(x => x.Fact);
            // A registry's year of an agency (lists, report prefill, criteria); the entries about an agency (inspections).
            e.HasIndex(x => new { x.Kind, x.Year, x.AgencyId });
            e.HasIndex(x => new { x.SubjectAgencyId, x.Kind });
            e.HasIndex(x => x.PlanId);
            e.HasIndex(x => x.TaskId);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.SubjectAgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Findings).WithOne().HasForeignKey(f => f.EntryId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<ParHub.Core.Registries.InspectionFinding>(e =>
        {
            e.ToTable("inspection_findings");
            e.Property(x => x.Text).HasMaxLength(2000);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => x.TaskId).IsUnique();
            e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<ParHub.Core.Sipas.SurveyPaperEntry>(e =>
        {
            e.ToTable("survey_paper_entries");
            e.Property(x => x.Operator).HasMaxLength(256);
            e.Property(x => x.Answers).HasMaxLength(100_000);
            // One operator enters a sheet once: the second entry must be someone else's.
            e.HasIndex(x => new { x.SheetId, x.Operator }).IsUnique();
        });

        b.Entity<ParHub.Core.Sipas.SurveyAnswer>(e =>
        {
            e.ToTable("survey_answers");
            e.Property(a => a.ItemCode).HasMaxLength(32);
            e.Property(a => a.Text).HasMaxLength(2000);
            e.HasIndex(a => new { a.ResponseId, a.ItemCode }).IsUnique();
        });

        b.Entity<ParHub.Core.Sipas.SurveyProgrammeGroup>(e =>
        {
            e.ToTable("survey_programme_groups");
            e.HasIndex(g => new { g.ProgrammeId, g.GroupId }).IsUnique();
            e.HasOne<AgencyGroup>().WithMany().HasForeignKey(g => g.GroupId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<PlanTarget>(e =>
        {
            e.ToTable("plan_targets");
            e.Property(t => t.Metric).HasMaxLength(200);
            e.Property(t => t.MetricKey).HasMaxLength(40);
            e.Property(t => t.Comparator).HasMaxLength(8);
            e.Property(t => t.Unit).HasMaxLength(32);
            e.Property(t => t.Period).HasMaxLength(64);
            e.Property(t => t.Threshold).HasPrecision(18, 4);
            e.HasIndex(t => t.PlanId);
        });

        b.Entity<PlanTask>(e =>
        {
            e.ToTable("plan_tasks");
            e.Property(t => t.No).HasMaxLength(16);
            e.Property(t => t.Group).HasMaxLength(500);
            e.Property(t => t.ReformArea).HasMaxLength(200);
            e.Property(t => t.Product).HasMaxLength(2000);
            e.Property(t => t.LeadText).HasMaxLength(2000);
            e.Property(t => t.CooperatingText).HasMaxLength(4000);
            e.Property(t => t.TimeframeText).HasMaxLength(1000);
            e.Property(t => t.TimeframeKind).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.Recurrence).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.Progress).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.AssignedBy).HasMaxLength(1000);
            e.Property(t => t.Source).HasMaxLength(100);
            e.Property(t => t.Occurrence).HasMaxLength(40);
            e.Property(t => t.Requirement).HasMaxLength(4000);
            e.Property(t => t.Imported).HasMaxLength(16000);
            e.Property(t => t.ProductNumber).HasMaxLength(100);
            e.Property(t => t.LastNote).HasMaxLength(4000);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.HasIndex(t => new { t.PlanId, t.SortOrder });
            e.HasIndex(t => t.CurrentDue);
            e.HasIndex(t => new { t.SortDue, t.PlanId, t.SortOrder });
            // Covers the board's key query for selective filters (plan, year): read from the index alone.
            e.HasIndex(t => new { t.PlanId, t.SortDue, t.SortOrder, t.Id });
            e.HasMany(t => t.Assignments).WithOne().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(t => t.EffectiveDue);
        });

        b.Entity<TaskAssignment>(e =>
        {
            e.ToTable("task_assignments");
            e.Property(a => a.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Text).HasMaxLength(500);
            e.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AgencyGroup>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => a.TaskId);
            // "Tasks an agency (or a group) leads" read from the index alone; a group names tens of thousands of
            // cooperating rows, so the role must be in the key (migration 0007).
            e.HasIndex(a => new { a.AgencyId, a.Role, a.TaskId });
            e.HasIndex(a => new { a.GroupId, a.Role, a.TaskId });
        });

        b.Entity<TaskUpdate>(e =>
        {
            e.ToTable("task_updates");
            e.Property(u => u.UserName).HasMaxLength(256);
            e.Property(u => u.Progress).HasConversion<string>().HasMaxLength(16);
            e.Property(u => u.ProductNumber).HasMaxLength(100);
            e.Property(u => u.Note).HasMaxLength(4000);
            e.HasOne<PlanTask>().WithMany().HasForeignKey(u => u.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(u => u.TaskId);
        });

        b.Entity<TaskFile>(e =>
        {
            e.ToTable("task_files");
            e.Property(f => f.FileName).HasMaxLength(260);
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.Property(f => f.StoredName).HasMaxLength(100);
            e.Property(f => f.UploadedBy).HasMaxLength(256);
            e.HasOne<PlanTask>().WithMany().HasForeignKey(f => f.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(f => f.TaskId);
        });

        b.Entity<DeadlineChange>(e =>
        {
            e.ToTable("deadline_changes");
            e.Property(d => d.Reason).HasMaxLength(1000);
            e.Property(d => d.UserName).HasMaxLength(256);
            e.HasOne<PlanTask>().WithMany().HasForeignKey(d => d.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(d => d.TaskId);
        });

        b.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.Property(n => n.UserId).HasMaxLength(64);
            e.Property(n => n.Title).HasMaxLength(300);
            e.Property(n => n.Body).HasMaxLength(4000);
            e.Property(n => n.Link).HasMaxLength(500);
            e.Property(n => n.Key).HasMaxLength(200);
            e.HasIndex(n => new { n.UserId, n.ReadAt });
            e.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
        });

        b.Entity<DigestEntry>(e =>
        {
            e.ToTable("digest_entries");
            e.Property(d => d.UserId).HasMaxLength(64);
            e.Property(d => d.ItemKey).HasMaxLength(100);
            e.HasIndex(d => new { d.UserId, d.ItemKey }).IsUnique();
        });

        b.Entity<ReportFormVersion>(e =>
        {
            e.ToTable("report_forms");
            e.Property(f => f.Key).HasMaxLength(64);
            e.Property(f => f.Title).HasMaxLength(300);
            e.HasIndex(f => new { f.Key, f.Version }).IsUnique();
        });

        b.Entity<ReportRegimeSetting>(e =>
        {
            e.ToTable("report_regimes");
            e.Property(r => r.Key).HasMaxLength(64);
            e.HasIndex(r => r.Key).IsUnique();
            e.Property(r => r.Name).HasMaxLength(300);
            e.Property(r => r.FromText).HasMaxLength(300);
            e.Property(r => r.ToText).HasMaxLength(300);
            e.Property(r => r.ReporterGroups).HasMaxLength(300);
            e.Property(r => r.FormKey).HasMaxLength(64);
            e.Property(r => r.Rules).HasMaxLength(2000);
        });

        b.Entity<AgencyReport>(e =>
        {
            e.ToTable("reports");
            e.Property(r => r.RegimeKey).HasMaxLength(64);
            e.Property(r => r.PeriodCode).HasMaxLength(16);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.ReviewComment).HasMaxLength(4000);
            e.Property(r => r.SignedFileName).HasMaxLength(260);
            e.Property(r => r.SignedStoredName).HasMaxLength(100);
            e.Property(r => r.UpdatedBy).HasMaxLength(256);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ReportFormVersion>().WithMany().HasForeignKey(r => r.FormId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.RegimeKey, r.PeriodCode, r.AgencyId }).IsUnique();
            e.HasIndex(r => r.AgencyId);
            e.HasMany(r => r.Values).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<ReportValueRow>(e =>
        {
            e.ToTable("report_values");
            e.HasKey(v => new { v.ReportId, v.Code });
            e.Property(v => v.Code).HasMaxLength(64);
            e.Property(v => v.Value).HasPrecision(20, 4);
            e.Property(v => v.Denominator).HasPrecision(20, 4);
            e.Property(v => v.Source).HasConversion<string>().HasMaxLength(16);
            // Only the officer's words; ParHub's figure has its own columns (before PrefilledFigure it was kept in this text).
            e.Property(v => v.OfficerReason).HasColumnName("Reason").HasMaxLength(1000);
            e.Property(v => v.PrefilledValue).HasPrecision(20, 4);
            e.Property(v => v.PrefilledDenominator).HasPrecision(20, 4);
            e.Ignore(v => v.Reason);
            e.Ignore(v => v.Figure);
        });

        b.Entity<ReportRevision>(e =>
        {
            e.ToTable("report_revisions");
            e.Property(r => r.Action).HasMaxLength(32);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.UserName).HasMaxLength(256);
            e.Property(r => r.Comment).HasMaxLength(4000);
            e.HasOne<AgencyReport>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => new { r.ReportId, r.No }).IsUnique();
        });

        b.Entity<IndexFramework>(e =>
        {
            e.ToTable("index_frameworks");
            e.Property(f => f.Code).HasMaxLength(64);
            e.Property(f => f.Title).HasMaxLength(300);
            e.Property(f => f.TargetGroup).HasMaxLength(64);
            e.HasIndex(f => new { f.Code, f.Year }).IsUnique();
        });

        b.Entity<AssessmentCycle>(e =>
        {
            e.ToTable("assessment_cycles");
            e.Property(c => c.GroupCode).HasMaxLength(64);
            e.Property(c => c.PublicationDecision).HasMaxLength(300);
            e.Property(c => c.CouncilChair).HasMaxLength(256);
            e.HasOne<IndexFramework>().WithMany().HasForeignKey(c => c.FrameworkId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.Year, c.GroupCode });
        });

        b.Entity<Assessment>(e =>
        {
            e.ToTable("assessments");
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.Bonus).HasPrecision(9, 4);
            e.Property(a => a.Penalty).HasPrecision(9, 4);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasOne<AssessmentCycle>().WithMany().HasForeignKey(a => a.CycleId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.CycleId, a.AgencyId }).IsUnique();
            e.HasIndex(a => a.AgencyId);
            e.HasMany(a => a.Scores).WithOne().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<AssessmentScore>(e =>
        {
            e.ToTable("assessment_scores");
            e.HasKey(x => new { x.AssessmentId, x.Code });
            e.Property(x => x.Code).HasMaxLength(32);
            e.Property(x => x.Input).HasMaxLength(500);
            e.Property(x => x.SelfPoints).HasPrecision(9, 4);
            e.Property(x => x.AppraisedPoints).HasPrecision(9, 4);
            e.Property(x => x.AppraisalReason).HasMaxLength(2000);
            e.Property(x => x.AppraisedBy).HasMaxLength(256);
            e.Property(x => x.Explanation).HasMaxLength(4000);
            e.Property(x => x.NoEvidenceNote).HasMaxLength(2000);
            e.Property(x => x.SecondPoints).HasPrecision(9, 4);
            e.Property(x => x.SecondReason).HasMaxLength(2000);
            e.Property(x => x.ReturnComment).HasMaxLength(2000);
            e.Property(x => x.ReturnedBy).HasMaxLength(256);
            e.Property(x => x.SecondBy).HasMaxLength(256);
            e.Ignore(x => x.FinalAppraised);
        });

        b.Entity<EvidenceFile>(e =>
        {
            e.ToTable("evidence_files");
            e.Property(f => f.Codes).HasMaxLength(500);
            e.Property(f => f.FileName).HasMaxLength(260);
            e.Property(f => f.StoredName).HasMaxLength(100);
            e.Property(f => f.UploadedBy).HasMaxLength(256);
            e.HasOne<Assessment>().WithMany().HasForeignKey(f => f.AssessmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(f => f.AssessmentId);
        });

        b.Entity<AppraiserAssignment>(e =>
        {
            e.ToTable("appraiser_assignments");
            e.HasKey(x => new { x.CycleId, x.UserId, x.FieldCode });
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.FieldCode).HasMaxLength(32);
            e.HasOne<AssessmentCycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<AppraisalProposal>(e =>
        {
            e.ToTable("appraisal_proposals");
            e.HasKey(x => new { x.AssessmentId, x.Code, x.UserName, x.Round });
            e.Property(x => x.Code).HasMaxLength(32);
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.Points).HasPrecision(9, 4);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<AppraiserScope>(e =>
        {
            e.ToTable("appraiser_scopes");
            e.HasKey(x => new { x.CycleId, x.UserId, x.AgencyId });
            e.Property(x => x.UserId).HasMaxLength(64);
            e.HasOne<AssessmentCycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Core.ParIndex.NationalResult>(e =>
        {
            e.ToTable("national_results");
            e.HasIndex(x => x.Year).IsUnique();
            e.Property(x => x.Points).HasPrecision(9, 4);
            e.Property(x => x.Change).HasPrecision(9, 4);
            e.Property(x => x.SipasPercent).HasPrecision(9, 4);
            e.Property(x => x.Source).HasMaxLength(500);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.ResultId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Core.ParIndex.NationalScore>(e =>
        {
            e.ToTable("national_scores");
            e.HasKey(x => new { x.ResultId, x.Code });
            e.Property(x => x.Code).HasMaxLength(32);
            e.Property(x => x.Points).HasPrecision(9, 4);
        });

        b.Entity<Core.Indices.ExternalIndexValue>(e =>
        {
            e.ToTable("external_index_values");
            e.HasIndex(x => new { x.Index, x.Year, x.Dimension }).IsUnique();
            e.Property(x => x.Index).HasMaxLength(16);
            e.Property(x => x.Dimension).HasMaxLength(32);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Score).HasPrecision(12, 4);
            e.Property(x => x.Source).HasMaxLength(500);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
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

        b.Entity<UserSession>(e =>
        {
            e.ToTable("user_sessions");
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.Client).HasMaxLength(64);
            e.HasIndex(x => x.UserId);
        });

        b.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.Property(x => x.To).HasMaxLength(256);
            e.Property(x => x.Subject).HasMaxLength(500);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
        });

        b.Entity<Setting>(e =>
        {
            e.ToTable("settings");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(128);
            e.Property(x => x.Value).HasMaxLength(8000);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
        });
    }
}
