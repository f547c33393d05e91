#include "app/Application.h"

int main(int argc, char** argv)
{
    return qks::gui::runApplication(argc, argv);
}
