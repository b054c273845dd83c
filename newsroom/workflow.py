"""The review workflow: one Moderators approval step for every page of the site."""

WORKFLOW_NAME = "Duyệt bài trước khi xuất bản"
TASK_NAME = "Ban biên tập duyệt"


def ensure_review_workflow(apps):
    """Create (or repair) the workflow, its GroupApprovalTask and its assignment to the root."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    moderators, _created = Group.objects.get_or_create(name="Moderators")
    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type)
    task.groups.set([moderators])

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    root_id = Page.objects.filter(depth=1).values_list("pk", flat=True).first()
    if root_id is not None:
        WorkflowPage.objects.update_or_create(page_id=root_id, defaults={"workflow": workflow})

    # Wagtail's own default workflow is replaced by ours; keep it out of the editors' way.
    Workflow.objects.exclude(pk=workflow.pk).filter(
        name="Moderators approval", workflow_pages__isnull=True
    ).update(active=False)
