/* An object that does not include the generated header: no catalog change
** may recompile it. */
int other(void);

int other(void)
{
    return 0;
}
