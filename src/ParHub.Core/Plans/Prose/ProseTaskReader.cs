namespace ParHub.Core.Plans.Prose;

/// <summary>
/// Tasks of a document written as prose, without a task table or label blocks. The layouts are tried in turn and the
/// first that finds tasks gives them: a section naming the tasks (<see cref="TaskSectionReader"/>), items under
/// headings that name their addressee (<see cref="AddresseeItemReader"/>), "Giao …" sentences (<see cref="AssignmentReader"/>).
/// </summary>
public static class ProseTaskReader
{
    public static List<TaskDraft> Read(IReadOnlyList<string> lines)
    {
        var roots = ProseNode.Forest(ProseParagraphs.Read(lines));
        Func<List<ProseNode>, List<TaskDraft>>[] readers = [TaskSectionReader.Read, AddresseeItemReader.Read, AssignmentReader.Read];
        foreach (var read in readers)
        {
            var tasks = read(roots);
            if (tasks.Count > 0) return tasks;
        }
        return [];
    }
}
